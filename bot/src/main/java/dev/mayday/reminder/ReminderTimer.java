package dev.mayday.reminder;

import dev.mayday.timers.EveryMinute;

import java.time.Clock;

/**
 * Once a minute (by the injected clock, looked at every second so a test can move time), records the reminders due
 * and queues their posts; the outbox posts them, and {@code wake} tells it there is something to post.
 */
public final class ReminderTimer implements AutoCloseable {

    private final EveryMinute timer;

    public ReminderTimer(Reminders reminders, Runnable wake, Clock clock) {
        this.timer = new EveryMinute("mayday-reminders", "Checking for quiet incidents", clock,
                () -> reminders.remindDue() > 0, wake);
    }

    public void start() {
        timer.start();
    }

    @Override
    public void close() {
        timer.close();
    }
}
