package dev.mayday.slack.api;

import dev.mayday.outbox.DeliveryError;

import java.util.Set;

/**
 * A Web API call that did not succeed: {@code error} is Slack's error code ({@code name_taken}) or, when Slack
 * did not answer with one, {@code http_<status>} or {@code io_error}. Carries no token or request body.
 * Transient failures (rate limits, Slack's own errors, the network) are worth trying again later; the rest
 * ({@code channel_not_found}, {@code invalid_auth}, …) will not heal by waiting.
 */
public final class SlackCallFailed extends RuntimeException implements DeliveryError {

    /** Slack's own transient errors, and {@link #CHANNEL_NOT_READY}. */
    private static final Set<String> TRANSIENT_SLACK_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
            "service_unavailable", "request_timeout", "fatal_error", SlackCallFailed.CHANNEL_NOT_READY);

    /** Work that needs the incident's channel ran before the channel was made: it waits and tries again. */
    public static final String CHANNEL_NOT_READY = "channel_not_ready";

    private final String method;
    private final String error;

    public SlackCallFailed(String method, String error, Throwable cause) {
        super("Slack " + method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }

    @Override
    public String reason() {
        return error;
    }

    @Override
    public boolean isTransient() {
        return TRANSIENT_SLACK_ERRORS.contains(error) || error.equals("io_error") || error.equals("http_429")
                || error.startsWith("http_5");
    }
}
