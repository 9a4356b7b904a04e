package dev.mayday.retry;

import java.time.Duration;

/**
 * How retries and rate limits wait: {@link #REAL} in production. A test pairs a faster one with a clock that runs as
 * fast, so a long Slack outage plays out in seconds while every wait is still measured on that clock.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
