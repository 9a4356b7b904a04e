package dev.mayday.retry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers, per key (a Slack Web API method, a PagerDuty token), until when a service asked us to wait (HTTP 429 with
 * {@code Retry-After}); every thread calling under that key waits it out before sending, so a rate limit is honoured by
 * the whole process. With {@link SharedPauses} (several processes on one store) a pause is also stored for the others,
 * and theirs are read back at most every {@link #SHARED_REFRESH}, by one caller at a time while the others go on with
 * the pauses last read; a 429 seen by one process holds every process back within that time. Time is read from the
 * injected clock and waited through the injected {@link Sleeper}.
 */
public final class RateLimitGate {

    /** How long the pauses read from the store are used before they are read again. */
    public static final Duration SHARED_REFRESH = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(RateLimitGate.class);

    private final ConcurrentMap<String, Instant> closedUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;
    private final Optional<SharedPauses> shared;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Map<String, Instant> sharedUntil = Map.of();
    private volatile Instant sharedReadAt;

    /** Pauses kept to this process. */
    public RateLimitGate(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, Optional.empty());
    }

    /** Pauses shared with the other processes on the store, through {@code shared}. */
    public RateLimitGate(Clock clock, Sleeper sleeper, SharedPauses shared) {
        this(clock, sleeper, Optional.of(shared));
    }

    private RateLimitGate(Clock clock, Sleeper sleeper, Optional<SharedPauses> shared) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.shared = shared;
    }

    /** Nobody sends under {@code key} for {@code retryAfter} from now (or longer, if an earlier wait lasts longer). */
    public void close(String key, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        closedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        shared.ifPresent(pauses -> {
            try {
                pauses.pause(key, until);
            } catch (RuntimeException e) {
                // this process still waits; the others learn of the limit from their own 429
                log.warn("Could not share the pause of {} with the other processes: {}", key, e.toString());
            }
        });
    }

    /** How long sending under {@code key} must still wait (zero when it may send now). */
    public Duration remaining(String key) {
        Instant now = clock.instant();
        Instant until = later(closedUntil.get(key), sharedUntil(now).get(key));
        Duration wait = until == null ? Duration.ZERO : Duration.between(now, until);
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

    /** The stored pauses, read again when the last read is older than {@link #SHARED_REFRESH}, by one thread. */
    private Map<String, Instant> sharedUntil(Instant now) {
        if (shared.isEmpty()) {
            return Map.of();
        }
        Instant readAt = sharedReadAt;
        boolean stale = readAt == null || !now.isBefore(readAt.plus(SHARED_REFRESH)) || now.isBefore(readAt);
        if (stale && refreshing.compareAndSet(false, true)) {
            try {
                sharedUntil = Map.copyOf(shared.get().current(now));
            } catch (RuntimeException e) {
                // the store is away: the pauses last read, and this process's own, still hold
                log.debug("Could not read the shared rate-limit pauses: {}", e.toString());
            } finally {
                sharedReadAt = now;
                refreshing.set(false);
            }
        }
        return sharedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
