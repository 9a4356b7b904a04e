package dev.mayday.slack.api;

import java.util.Objects;

/**
 * What Slack last said of {@code SLACK_BOT_TOKEN}: {@code ok}, {@code unchecked} (not asked yet), {@code unreachable}
 * (no answer: not the token's fault), or the reason it is refused: Slack's error code ({@code invalid_auth},
 * {@code token_revoked}, …) or {@code not_a_bot_token}.
 */
public record TokenStatus(String state, boolean refused) {

    public static final TokenStatus OK = new TokenStatus("ok", false);
    public static final TokenStatus UNCHECKED = new TokenStatus("unchecked", false);
    public static final TokenStatus UNREACHABLE = new TokenStatus("unreachable", false);
    public static final String NOT_A_BOT_TOKEN = "not_a_bot_token";

    public TokenStatus {
        Objects.requireNonNull(state, "state");
    }

    public static TokenStatus refused(String reason) {
        return new TokenStatus(reason, true);
    }
}
