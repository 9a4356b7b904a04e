package dev.mayday.drill;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The backup timer: once a minute (and at start, so a slot missed while Mayday was down is taken then) it runs the
 * due slot's backup and drill, if nobody has, and posts once when drills have not passed for too long. On a thread of
 * its own: a drill of a large store takes seconds, and nothing else waits for it.
 */
public final class ScheduledDrills implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDrills.class);

    private final RestoreDrills drills;
    private final BackupSchedule schedule;
    private final Runnable wake;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mayday-backups");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduledDrills(RestoreDrills drills, BackupSchedule schedule, Runnable wake) {
        this.drills = drills;
        this.schedule = schedule;
        this.wake = wake;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, 1, TimeUnit.MINUTES);
    }

    /** One look: the due slot's drill, then the overdue check; true when either queued a notice. */
    public void tick() {
        boolean failed = drills.runDue(schedule).map(result -> !result.ok()).orElse(false);
        boolean overdue = drills.noticeIfOverdue();
        if (failed || overdue) {
            wake.run();
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Backup tick failed (it is tried again in a minute): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
