package dev.mayday.drill;

import dev.mayday.db.Database;
import dev.mayday.db.backup.DrillResult;
import dev.mayday.db.backup.KeptBackups;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.digest.StoreOrigin;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.TestClock;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled backups and their drills over a temp SQLite store: once per slot, recorded, pruned, and told. */
class RestoreDrillsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BackupSchedule DAILY = BackupSchedule.parse("daily 03:00", BERLIN);
    /** Thursday 3 December 2026, 03:00 CET. */
    private static final Instant SLOT = Instant.parse("2026-12-03T02:00:00Z");

    @TempDir
    Path dir;
    private Path store;
    private Path backups;
    private Database database;
    private TestClock clock;

    @BeforeEach
    void open() {
        store = dir.resolve("mayday.db");
        backups = dir.resolve("backups");
        database = Database.open("jdbc:sqlite:" + store);
        clock = new TestClock(SLOT.plusSeconds(30));
        new StoreOrigin(database).existedAt(SLOT.minus(Duration.ofDays(2)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RestoreDrills drills(int keep) {
        return new RestoreDrills(database, store, backups, keep, clock);
    }

    private List<OutboxRow> notices() {
        return database.read(s -> s.outbox().ofType("DrillNotice"));
    }

    @Test
    void theDueSlotIsDrilledOnceWhateverRestartsAsk() {
        Optional<DrillResult> first = drills(7).runDue(DAILY);
        clock.advance(Duration.ofMinutes(1));
        Optional<DrillResult> again = drills(7).runDue(DAILY); // a restart's timer, or another process's

        assertThat(first).hasValueSatisfying(result -> assertThat(result.ok()).as(result.line()).isTrue());
        assertThat(again).isEmpty();
        assertThat(new DrillHistory(database, clock).lastFinished()).hasValueSatisfying(row -> {
            assertThat(row.slot()).isEqualTo(SLOT.toString());
            assertThat(row.ok()).isTrue();
            assertThat(row.rows()).isPositive();
        });
        assertThat(notices()).isEmpty();

        clock.advance(Duration.ofDays(1));
        assertThat(drills(7).runDue(DAILY)).as("the next day's slot").isPresent();
    }

    @Test
    void aSlotBeforeTheStoreExistedIsNotDrilled() {
        new StoreOrigin(database).existedAt(SLOT.plusSeconds(10)); // a first start just after the slot
        database.jdbi().useHandle(h -> h.execute("UPDATE store_origin SET created_at = ?",
                SLOT.plusSeconds(10).toEpochMilli()));

        assertThat(drills(7).runDue(DAILY)).isEmpty();
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws IOException {
        for (int day = 0; day < 4; day++) {
            assertThat(drills(2).runDue(DAILY)).isPresent();
            clock.advance(Duration.ofDays(1));
        }

        assertThat(new KeptBackups(backups, 2).list()).extracting(p -> p.getFileName().toString())
                .containsExactly("mayday-20261205-020030.db", "mayday-20261206-020030.db");
    }

    @Test
    void aFailedDrillIsToldOnceAndShowsInTheHistory() throws IOException {
        Files.writeString(dir.resolve("blocked"), "a file where the backup directory should be");
        RestoreDrills blocked = new RestoreDrills(database, store, dir.resolve("blocked"), 7, clock);

        Optional<DrillResult> result;
        try (CapturedLog log = CapturedLog.of(RestoreDrills.class)) {
            result = blocked.runDue(DAILY);
            assertThat(log.messages(Level.ERROR)).singleElement().asString().startsWith("Restore drill FAILED: ");
        }

        assertThat(result).hasValueSatisfying(r -> assertThat(r.ok()).isFalse());
        assertThat(notices()).singleElement().satisfies(row -> {
            assertThat(row.uniqueKey()).isEqualTo("drill-notice/failed-" + SLOT);
            assertThat(row.payload()).contains("failed").contains("backup directory");
        });
        Map<String, Object> health = new DrillHistory(database, clock).summary();
        assertThat(health).containsEntry("result", "failed").containsKey("reason").containsEntry("age_seconds", 0L);
    }

    @Test
    void noPassedDrillForEightDaysIsToldOncePerSilence() {
        RestoreDrills drills = drills(7);
        assertThat(drills.noticeIfOverdue()).as("two days after the store was created").isFalse();

        clock.advance(Duration.ofDays(7));
        assertThat(drills.noticeIfOverdue()).as("nine days, no drill ever").isTrue();
        assertThat(drills.noticeIfOverdue()).as("the same silence, told already").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(drills.runDue(DAILY)).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        clock.advance(Duration.ofDays(9));
        assertThat(drills.noticeIfOverdue()).as("nine days after the last that passed").isTrue();

        assertThat(notices()).extracting(OutboxRow::uniqueKey).containsExactly("drill-notice/overdue-since-never",
                "drill-notice/overdue-since-" + SLOT.plus(Duration.ofDays(7)));
    }

    @Test
    void theScheduleTakesDailyOrWeeklyForms() {
        assertThat(BackupSchedule.parse("daily 03:00", BERLIN).lastSlotAtOrBefore(SLOT.minusSeconds(1)))
                .isEqualTo(SLOT.minus(Duration.ofDays(1)));
        assertThat(BackupSchedule.parse("SUN 03:00", BERLIN).lastSlotAtOrBefore(SLOT))
                .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(BackupSchedule.parse("Daily 03:00", BERLIN).format()).isEqualTo("daily 03:00");
        for (String bad : List.of("03:00", "daily 3:00", "often 03:00", "daily 24:00", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackupSchedule.parse(bad, BERLIN))
                    .as(bad).hasMessageStartingWith("BACKUP_SCHEDULE must be");
        }
    }
}
