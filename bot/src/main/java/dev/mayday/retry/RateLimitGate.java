package dev.mayday.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers, per key (a Slack Web API method, a PagerDuty token), until when a service asked us to wait (HTTP 429 with
 * {@code Retry-After}); every thread calling under that key waits it out before sending, so a rate limit is honoured by
 * the whole process. Time is read from the injected clock and waited through the injected {@link Sleeper}.
 */
public final class RateLimitGate {

    private final ConcurrentMap<String, Instant> closedUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;

    public RateLimitGate(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Nobody sends under {@code key} for {@code retryAfter} from now (or longer, if an earlier wait lasts longer). */
    public void close(String key, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        closedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long sending under {@code key} must still wait (zero when it may send now). */
    public Duration remaining(String key) {
        Instant until = closedUntil.get(key);
        Duration wait = until == null ? Duration.ZERO : Duration.between(clock.instant(), until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public void awaitOpen(String key) throws InterruptedException {
        while (true) {
            long waitMillis = remaining(key).toMillis();
            if (waitMillis <= 0) {
                return;
            }
            sleeper.sleep(Duration.ofMillis(waitMillis));
        }
    }
}
