package dev.mayday.slack.requests;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a request is Slack's: signed with the signing secret, and stamped within {@link #WINDOW} of now in either
 * direction. Bolt's own verifier refuses only old stamps, so a request stamped in the future would stay valid until
 * that future came and went; and it reads the system clock, which tests cannot move.
 */
public final class RequestSignature {

    /** Slack's replay window: a stamp further from now than this, either way, is refused. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** Empty without a signing secret (Socket Mode may run without one): then no signed request is genuine. */
    private final Optional<SlackSignature.Generator> generator;
    private final Clock clock;

    public RequestSignature(String signingSecret, Clock clock) {
        this.generator = signingSecret == null || signingSecret.isBlank() ? Optional.empty()
                : Optional.of(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
    }

    /** Empty for a genuine request in the window, otherwise why it is refused. */
    public Optional<String> refusal(String timestamp, String body, String signature) {
        if (generator.isEmpty()) {
            return Optional.of("no SLACK_SIGNING_SECRET is set, so no request can be verified");
        }
        if (timestamp == null || signature == null) {
            return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature");
        }
        long stamped;
        try {
            stamped = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
        }
        long now = clock.instant().getEpochSecond();
        // compared as now ± window, which cannot overflow, rather than |now - stamped|, which can
        if (stamped < now - WINDOW.toSeconds() || stamped > now + WINDOW.toSeconds()) {
            return Optional.of("the request timestamp is more than " + WINDOW.toMinutes() + " minutes from now");
        }
        String expected = generator.get().generate(timestamp, body == null ? "" : body);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("invalid request signature");
        }
        return Optional.empty();
    }
}
