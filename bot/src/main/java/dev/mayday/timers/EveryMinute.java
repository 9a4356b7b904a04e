package dev.mayday.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A check run once a minute by the injected clock, looked at every second so a test can move time (a clock moved back
 * runs it at once). {@code check} records what is due and queues its posts, answering whether it queued any; then
 * {@code wake} tells the outbox there is something to post. A failed check is logged and tried at the next minute.
 */
public final class EveryMinute implements AutoCloseable {

    public static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(EveryMinute.class);

    private final String what;
    private final Clock clock;
    private final BooleanSupplier check;
    private final Runnable wake;
    private final ScheduledExecutorService timer;
    private Instant lastCheck;

    /** {@code thread} names the timer's thread; {@code what} says in the log what failed ("Checking for …"). */
    public EveryMinute(String thread, String what, Clock clock, BooleanSupplier check, Runnable wake) {
        this.what = what;
        this.clock = clock;
        this.check = check;
        this.wake = wake;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, thread);
            named.setDaemon(true);
            return named;
        });
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            boolean due = lastCheck == null || !now.isBefore(lastCheck.plus(CHECK_EVERY)) || now.isBefore(lastCheck);
            if (due) {
                lastCheck = now;
                if (check.getAsBoolean()) {
                    wake.run();
                }
            }
        } catch (RuntimeException e) {
            log.error("{} failed; trying again at the next check", what, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
