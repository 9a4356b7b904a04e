package dev.mayday.pagerduty;

import okhttp3.Response;

import java.time.Duration;
import java.util.Optional;

/**
 * Until when PagerDuty asked this token to hold back (HTTP 429). Every call waits it out before sending, so one rate
 * limit is honoured by all threads. Not thread-safe by itself: the sender's lock guards it.
 */
final class RateLimitPause {

    private long untilNanos = System.nanoTime();

    /**
     * How long PagerDuty asked us to wait: {@code Retry-After} seconds, else {@code ratelimit-reset} seconds (the header
     * PagerDuty documents); empty when it sent neither, which its documentation warns can happen.
     */
    static Optional<Duration> advertised(Response response) {
        for (String header : new String[] {"Retry-After", "ratelimit-reset"}) {
            String value = response.header(header);
            if (value != null) {
                try {
                    return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
                } catch (NumberFormatException notSeconds) {
                    // An HTTP date or garbage: try the next header.
                }
            }
        }
        return Optional.empty();
    }

    void extend(Duration wait) {
        untilNanos = Math.max(untilNanos, System.nanoTime() + wait.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, untilNanos - System.nanoTime()));
    }
}
