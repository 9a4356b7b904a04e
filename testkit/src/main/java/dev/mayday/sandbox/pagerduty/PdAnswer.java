package dev.mayday.sandbox.pagerduty;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted answer, used FIFO per {@link PdRoute} before the fake's normal behaviour. Only {@link Kind#DELAYED}
 * and {@link Kind#ACTED_THEN_FAILED} also perform the normal behaviour.
 */
public record PdAnswer(Kind kind, int status, int seconds, Duration delay) {

    public enum Kind { RATE_LIMITED, RATE_LIMITED_RESET, RATE_LIMITED_BARE, HTTP_ERROR, ACTED_THEN_FAILED, DELAYED }

    public PdAnswer {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative() || seconds < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 429 with {@code Retry-After: N}, PagerDuty's {@code ratelimit-*} headers and its error body (code 2020). */
    public static PdAnswer rateLimited(int retryAfterSeconds) {
        return new PdAnswer(Kind.RATE_LIMITED, 429, retryAfterSeconds, Duration.ZERO);
    }

    /** 429 as PagerDuty documents it: {@code ratelimit-reset: N} and the error body, but no {@code Retry-After}. */
    public static PdAnswer rateLimitedWithReset(int resetSeconds) {
        return new PdAnswer(Kind.RATE_LIMITED_RESET, 429, resetSeconds, Duration.ZERO);
    }

    /** 429 with no headers and no body, which PagerDuty warns can happen. */
    public static PdAnswer rateLimitedWithoutHeaders() {
        return new PdAnswer(Kind.RATE_LIMITED_BARE, 429, 0, Duration.ZERO);
    }

    /** An HTTP failure such as 500 or 503 with PagerDuty's error body (code 2000); nothing is changed. */
    public static PdAnswer httpError(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        return new PdAnswer(Kind.HTTP_ERROR, status, 0, Duration.ZERO);
    }

    /** Does what was asked (the note is stored) and then answers with an error, as when an answer is lost. */
    public static PdAnswer actedThenFailed(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        return new PdAnswer(Kind.ACTED_THEN_FAILED, status, 0, Duration.ZERO);
    }

    /** Waits, then behaves normally: for client timeouts and a slow PagerDuty. */
    public static PdAnswer delayed(Duration delay) {
        return new PdAnswer(Kind.DELAYED, 200, 0, Objects.requireNonNull(delay, "delay"));
    }
}
