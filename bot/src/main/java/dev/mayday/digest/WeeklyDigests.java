package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.outbox.Publications;
import dev.mayday.outbox.WeeklyDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The weekly digest's timer: once a minute (and at start, so a slot missed while Mayday was down is queued then), it
 * queues the digest of the week due by the {@link DigestSchedule}. The outbox row's unique key makes that once per
 * week, whatever timers, restarts or processes ask; the outbox posts it, and {@code wake} tells it there is work. A
 * week that ended before the store was created is never queued: on a first start, nobody had used Mayday in it.
 */
public final class WeeklyDigests implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

    private final DigestSchedule schedule;
    private final Database database;
    private final StoreOrigin origin;
    private final Clock clock;
    private final Runnable wake;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mayday-digest");
        thread.setDaemon(true);
        return thread;
    });

    public WeeklyDigests(DigestSchedule schedule, Database database, Clock clock, Runnable wake) {
        this.schedule = schedule;
        this.database = database;
        this.origin = new StoreOrigin(database);
        this.clock = clock;
        this.wake = wake;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, 1, TimeUnit.MINUTES);
    }

    /**
     * Queues the digest of the week due now, unless it was queued before or ended before the store was created; returns
     * the week this call queued.
     */
    public Optional<IsoWeek> queueDue() {
        Instant now = clock.instant();
        IsoWeek due = schedule.dueAt(now);
        if (origin.endedBefore(due, schedule.zone())) {
            return Optional.empty();
        }
        WeeklyDigest digest = new WeeklyDigest(due.format());
        boolean queued = database.inTransaction(store -> Publications.enqueueOnce(store, digest, digest.uniqueKey(), now));
        return queued ? Optional.of(due) : Optional.empty();
    }

    private void tickQuietly() {
        try {
            queueDue().ifPresent(week -> {
                log.info("The digest of {} is due", week.format());
                wake.run();
            });
        } catch (RuntimeException e) {
            log.warn("Digest tick failed (it is tried again in a minute): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
