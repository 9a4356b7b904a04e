package dev.mayday.slack.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks Slack who {@code SLACK_BOT_TOKEN} is ({@code auth.test}) at start and again every {@link #EVERY}, on a thread of
 * its own: never on a request's path, which must be acknowledged whatever Slack says. A token Slack refuses
 * ({@code invalid_auth}, {@code not_authed}, {@code token_revoked}, …) or that is not a bot's ({@code xoxb-…} with a
 * bot id) is one ERROR line naming the setting, and {@link #status()} says so until a check finds it fixed; Slack
 * not answering is not the token's fault and changes no verdict already given. Learning the bot's user id is a side
 * effect of the first check that succeeds.
 */
public final class TokenCheck implements AutoCloseable {

    public static final Duration EVERY = Duration.ofMinutes(1);
    private static final String BOT_TOKEN_PREFIX = "xoxb-";
    private static final Logger log = LoggerFactory.getLogger(TokenCheck.class);

    private final SlackGateway gateway;
    private final boolean botPrefix;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mayday-token-check");
        thread.setDaemon(true);
        return thread;
    });
    private volatile TokenStatus status = TokenStatus.UNCHECKED;

    /** {@code token} is only looked at for its kind (its prefix); it is never logged. */
    public TokenCheck(SlackGateway gateway, String token, Duration every) {
        this.gateway = gateway;
        this.botPrefix = token.startsWith(BOT_TOKEN_PREFIX);
        this.every = Objects.requireNonNull(every, "every");
    }

    /** The first check now, in the background, then one every {@link #EVERY}. */
    public TokenCheck start() {
        timer.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public TokenStatus status() {
        return status;
    }

    private void check() {
        TokenStatus before = status;
        TokenStatus found = ask();
        TokenStatus now = found == TokenStatus.UNREACHABLE && before != TokenStatus.UNCHECKED ? before : found;
        status = now;
        if (!now.equals(before)) {
            report(before, now);
        }
    }

    private TokenStatus ask() {
        try {
            TokenIdentity identity = gateway.authenticate();
            return botPrefix && identity.botId().isPresent() ? TokenStatus.OK
                    : TokenStatus.refused(TokenStatus.NOT_A_BOT_TOKEN);
        } catch (SlackCallFailed e) {
            if (e.error().equals("interrupted")) {
                return status; // stopping: no news
            }
            return e.isTransient() ? TokenStatus.UNREACHABLE : TokenStatus.refused(e.error());
        }
    }

    private static void report(TokenStatus before, TokenStatus now) {
        if (now.refused() && now.state().equals(TokenStatus.NOT_A_BOT_TOKEN)) {
            log.error("SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-…) from the Slack app's "
                    + "OAuth & Permissions page; GET /health answers 503 until it is fixed (checked every minute)");
        } else if (now.refused()) {
            log.error("Slack refuses SLACK_BOT_TOKEN ({}): set it to the Bot User OAuth Token (xoxb-…) from the Slack "
                    + "app's OAuth & Permissions page, reinstalling the app if it was revoked; GET /health answers 503 "
                    + "until it is fixed (checked every minute)", now.state());
        } else if (now == TokenStatus.UNREACHABLE) {
            log.warn("Slack did not answer auth.test; SLACK_BOT_TOKEN is checked again in a minute");
        } else if (before.refused()) {
            log.info("Slack accepts SLACK_BOT_TOKEN again");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
