package dev.mayday.drill;

import dev.mayday.db.Database;
import dev.mayday.db.backup.DrillResult;
import dev.mayday.db.backup.KeptBackups;
import dev.mayday.db.backup.RestoreDrill;
import dev.mayday.db.drill.DrillRow;
import dev.mayday.digest.StoreOrigin;
import dev.mayday.outbox.DrillNotice;
import dev.mayday.outbox.Publications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Backups with a restore drill each, and what the team hears of them. A drill is claimed in the store under its slot
 * before it runs, so each scheduled slot is drilled once whatever restarts or processes ask; its result is stored
 * (for {@code /health} and the digest), the oldest backups beyond {@code keep} are deleted, and a failed drill, or no
 * drill passed for {@link #OVERDUE} while backups are scheduled, is queued once as a {@link DrillNotice}.
 */
public final class RestoreDrills {

    private static final Logger log = LoggerFactory.getLogger(RestoreDrills.class);
    /** A week's schedule plus a day's grace: longer than this without a passed drill is worth a post. */
    public static final Duration OVERDUE = Duration.ofDays(8);

    private final Database database;
    private final Path store;
    private final Path backupDir;
    private final int keep;
    private final Clock clock;
    private final StoreOrigin origin;

    public RestoreDrills(Database database, Path store, Path backupDir, int keep, Clock clock) {
        this.database = database;
        this.store = store;
        this.backupDir = backupDir;
        this.keep = keep;
        this.clock = clock;
        this.origin = new StoreOrigin(database);
    }

    /** Runs a drill now, by hand ({@code drill}): it is recorded as any other. */
    public DrillResult runNow() {
        Instant now = clock.instant();
        String slot = "manual " + now;
        database.inTransaction(s -> s.drills().claim(slot, now.toEpochMilli()));
        return run(slot, now);
    }

    /**
     * Runs the drill of {@code schedule}'s latest slot, unless it was run already or came before the store existed;
     * returns its result when this call ran it.
     */
    public Optional<DrillResult> runDue(BackupSchedule schedule) {
        Instant now = clock.instant();
        Instant slot = schedule.lastSlotAtOrBefore(now);
        if (origin.createdAt().map(slot::isBefore).orElse(false)) {
            return Optional.empty();
        }
        String key = slot.toString();
        if (!database.inTransaction(s -> s.drills().claim(key, now.toEpochMilli()))) {
            return Optional.empty();
        }
        return Optional.of(run(key, now));
    }

    /**
     * Queues a notice when no drill has passed for {@link #OVERDUE} (counted from the last that passed, or from the
     * store's creation), once per silence; returns whether this call queued one.
     */
    public boolean noticeIfOverdue() {
        Instant now = clock.instant();
        Optional<DrillRow> passed = database.read(s -> s.drills().lastPassed(now.toEpochMilli()));
        Optional<Instant> since = passed.map(p -> Instant.ofEpochMilli(p.finishedAt())).or(origin::createdAt);
        if (since.isEmpty() || Duration.between(since.get(), now).compareTo(OVERDUE) < 0) {
            return false;
        }
        String key = "overdue-since-" + passed.map(DrillRow::slot).orElse("never");
        String text = ":warning: No restore drill has passed for " + Duration.between(since.get(), now).toDays()
                + " days" + passed.map(p -> " (the last that passed: " + p.slot() + ")").orElse(" (none ever has)")
                + ". Backups are scheduled, so check that Mayday can write to its backup directory: "
                + "run `java -jar mayday.jar drill` to see why.";
        DrillNotice notice = new DrillNotice(key, text);
        return database.inTransaction(s -> Publications.enqueueOnce(s, notice, notice.uniqueKey(), now));
    }

    private DrillResult run(String slot, Instant startedAt) {
        DrillResult result = new RestoreDrill(clock).run(store, backupDir);
        Instant finished = clock.instant();
        database.inTransaction(s -> {
            s.drills().finish(slot, new DrillRow(slot, startedAt.toEpochMilli(), finished.toEpochMilli(), result.ok(),
                    result.backup().toString(), result.schemaVersion().orElse(null), result.tables(), result.rows(),
                    result.restoreTook().toMillis(), result.failure().orElse(null)));
            if (!result.ok()) {
                DrillNotice notice = new DrillNotice("failed-" + slot,
                        ":x: The restore drill of " + slot + " failed: " + result.failure().orElseThrow()
                                + ". The backups may not restore: look at it before you need one.");
                Publications.enqueueOnce(s, notice, notice.uniqueKey(), finished);
            }
            return null;
        });
        if (result.ok()) {
            log.info(result.line());
        } else {
            log.error(result.line());
        }
        try {
            new KeptBackups(backupDir, keep).prune().forEach(old -> log.info("Deleted the old backup {}", old));
        } catch (IOException e) {
            log.warn("Could not delete old backups in {}: {}", backupDir, e.getMessage());
        }
        return result;
    }
}
