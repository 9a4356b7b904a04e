package dev.mayday.pagerduty;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a PagerDuty call may take and how it is retried: at most {@code maxAttempts} sends, with exponential,
 * fully jittered backoff between them; a rate limit longer than {@code maxRateLimitWait} is not waited out here but
 * reported, so the caller (the outbox) can come back later instead of holding a thread.
 */
public record CallPolicy(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                         int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRateLimitWait) {

    public static final CallPolicy DEFAULT = new CallPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), 4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    public CallPolicy {
        for (Duration d : new Duration[] {connectTimeout, readTimeout, callTimeout, baseDelay, maxDelay, maxRateLimitWait}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (connectTimeout.isZero() || readTimeout.isZero() || callTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be set: a zero timeout means none in OkHttp");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The pause after {@code attempt} failed sends (attempt ≥ 1): half fixed, half random, so callers do not retry in step. */
    public Duration backoff(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
