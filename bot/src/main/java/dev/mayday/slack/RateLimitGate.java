package dev.mayday.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers, per Web API method, until when Slack asked us to wait (HTTP 429 with {@code Retry-After}); every
 * thread calling that method waits it out before sending, so a rate limit is honoured by the whole process.
 */
public final class RateLimitGate {

    private final ConcurrentMap<String, Instant> closedUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;

    public RateLimitGate(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public void close(String method, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        closedUntil.merge(method, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void awaitOpen(String method) throws InterruptedException {
        while (true) {
            Instant until = closedUntil.get(method);
            long waitMillis = until == null ? 0 : Duration.between(clock.instant(), until).toMillis();
            if (waitMillis <= 0) {
                return;
            }
            sleeper.sleep(Duration.ofMillis(waitMillis));
        }
    }
}
