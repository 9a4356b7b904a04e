package dev.mayday.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with full jitter, so many callers retrying at once do not retry in step. The one retry
 * policy of Mayday: Slack calls, PagerDuty calls and the outbox's redeliveries all wait by it.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy SLACK_CALL = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4));

    public RetryPolicy {
        for (Duration d : new Duration[] {baseDelay, maxDelay}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failures (attempt ≥ 1). */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
