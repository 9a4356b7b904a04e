package dev.mayday.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests answered, by route and status, and how long Slack waited for its acknowledgement. Slack gives up after
 * 3 seconds, so the histogram's buckets are set around that line rather than spread evenly.
 */
public final class HttpMeters {

    private static final Duration[] ACK_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMillis(2500), Duration.ofSeconds(3), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final ConcurrentMap<RouteStatus, Counter> requests = new ConcurrentHashMap<>();
    private final Timer slackAck;

    private record RouteStatus(String route, int status) {
    }

    HttpMeters(MeterRegistry registry) {
        this.registry = registry;
        this.slackAck = Timer.builder("mayday.slack.ack")
                .description("Time from a Slack request arriving to its answer (Slack waits 3 s at most)")
                .serviceLevelObjectives(ACK_BUCKETS)
                .register(registry);
    }

    /** A request to {@code route} (a route's path, or "other": never the raw path, which anyone can vary) answered. */
    public void answered(String route, int status) {
        requests.computeIfAbsent(new RouteStatus(route, status), key -> Counter.builder("mayday.http.requests")
                .description("HTTP requests answered, by route and status")
                .tag("route", key.route()).tag("status", String.valueOf(key.status()))
                .register(registry)).increment();
    }

    /** Slack's request was answered {@code millis} after it arrived. */
    public void slackAcknowledged(double millis) {
        slackAck.record(Math.round(millis * 1000), TimeUnit.MICROSECONDS);
    }
}
