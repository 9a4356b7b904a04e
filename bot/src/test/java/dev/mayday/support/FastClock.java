package dev.mayday.support;

import dev.mayday.retry.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Wall time that runs {@code speed} times faster than real time from the moment it is made, and a {@link Sleeper}
 * that waits on it: a 20-second Slack outage takes two real seconds at speed 10, and every wait is still measured on
 * this clock.
 */
public final class FastClock extends Clock {

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final int speed;

    public FastClock(int speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1: " + speed);
        }
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((System.nanoTime() - originNanos) * speed);
    }

    public Sleeper sleeper() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos() / speed);
    }

    /** How long {@code duration} on this clock lasts in real time. */
    public Duration real(Duration duration) {
        return duration.dividedBy(speed);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
