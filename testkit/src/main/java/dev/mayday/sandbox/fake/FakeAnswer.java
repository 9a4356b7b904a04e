package dev.mayday.sandbox.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted answer for one call, consumed FIFO per method before the fake's normal behaviour.
 * Only {@link Kind#DELAYED}, {@link Kind#ANSWERED_LATE} and {@link Kind#ACTED_THEN_FAILED} run the normal behaviour.
 */
public record FakeAnswer(Kind kind, int status, String error, int retryAfterSeconds, Duration delay) {

    public enum Kind { RATE_LIMITED, HTTP_ERROR, SLACK_ERROR, DELAYED, DROP_CONNECTION, ACTED_THEN_FAILED, ANSWERED_LATE }

    public FakeAnswer {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    /** HTTP 429 with {@code Retry-After: N} and {@code {"ok":false,"error":"ratelimited"}}. */
    public static FakeAnswer rateLimited(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return new FakeAnswer(Kind.RATE_LIMITED, 429, "ratelimited", retryAfterSeconds, Duration.ZERO);
    }

    /**
     * Does what the call asks (the message is posted, the channel made) and then answers with an HTTP error, as
     * when Slack acts but its answer is lost: the caller cannot tell whether it happened.
     */
    public static FakeAnswer actedThenFailed(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        return new FakeAnswer(Kind.ACTED_THEN_FAILED, status, null, 0, Duration.ZERO);
    }

    /**
     * Does what the call asks at once (the channel exists from that moment, for every other caller to see) and sends
     * its normal answer only after {@code delay}: Slack acted, the answer came late.
     */
    public static FakeAnswer answeredLate(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new FakeAnswer(Kind.ANSWERED_LATE, 200, null, 0, delay);
    }

    /** A bare HTTP failure such as 500 or 503, with a short plain-text body. */
    public static FakeAnswer httpError(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        return new FakeAnswer(Kind.HTTP_ERROR, status, null, 0, Duration.ZERO);
    }

    /** HTTP 200 with {@code {"ok":false,"error":error}}, the way Slack reports API-level failures. */
    public static FakeAnswer slackError(String error) {
        Objects.requireNonNull(error, "error");
        return new FakeAnswer(Kind.SLACK_ERROR, 200, error, 0, Duration.ZERO);
    }

    /** Waits, then behaves normally: for exercising client timeouts and slow Slack. */
    public static FakeAnswer delayed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new FakeAnswer(Kind.DELAYED, 200, null, 0, delay);
    }

    /**
     * Closes the connection without sending any response. Note that OkHttp (used by the Slack SDK)
     * may silently retry such a request once, which then shows up as a second call.
     */
    public static FakeAnswer dropConnection() {
        return new FakeAnswer(Kind.DROP_CONNECTION, 0, null, 0, Duration.ZERO);
    }
}
