package dev.mayday.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a minute (by the injected clock, looked at every second so a test can move time), records the reminders due
 * and queues their posts; the outbox posts them, and {@code wake} tells it there is something to post.
 */
public final class ReminderTimer implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ReminderTimer.class);

    private final Reminders reminders;
    private final Runnable wake;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mayday-reminders");
        thread.setDaemon(true);
        return thread;
    });
    private Instant lastCheck;

    public ReminderTimer(Reminders reminders, Runnable wake, Clock clock) {
        this.reminders = reminders;
        this.wake = wake;
        this.clock = clock;
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
                if (reminders.remindDue() > 0) {
                    wake.run();
                }
            }
        } catch (RuntimeException e) {
            log.error("Checking for quiet incidents failed; trying again at the next check", e);
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
