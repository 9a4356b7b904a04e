package dev.mayday.pagerduty;

import dev.mayday.retry.RetryPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a PagerDuty call may take and how it is retried: at most {@code retry.maxAttempts()} sends, with the
 * backoff of {@code retry} between them; a rate limit longer than {@code maxRateLimitWait} is not waited out here but
 * reported, so the caller (the outbox) can come back later instead of holding a thread.
 */
public record CallPolicy(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retry,
                         Duration maxRateLimitWait) {

    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8)),
            Duration.ofSeconds(60));

    public CallPolicy {
        Objects.requireNonNull(retry, "retry");
        for (Duration d : new Duration[] {connectTimeout, readTimeout, callTimeout, maxRateLimitWait}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (connectTimeout.isZero() || readTimeout.isZero() || callTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be set: a zero timeout means none in OkHttp");
        }
    }
}
