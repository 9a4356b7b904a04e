package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A roster change queues the App Home refresh it causes in its own transaction, debounced per person. */
class RosterHomeRefreshTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    private Database database;
    private DutyService duty;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        duty = new DutyService(database, new TestClock(NOW), BERLIN);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<OutboxRow> refreshes() {
        return database.read(store -> store.outbox().ofType("HomeRefresh"));
    }

    @Test
    void changesWhileARefreshWaits_queueOneRefresh_perPerson() {
        duty.join("U0AMY", MemberKind.ENGINEER);
        duty.join("U0AMY", "U0BEN", MemberKind.MANAGER);
        duty.leave("U0AMY", "U0BEN");

        assertThat(refreshes()).extracting(row -> Publications.read(row.type(), row.payload()))
                .containsExactly(HomeRefresh.now("U0AMY"), HomeRefresh.now("U0BEN"));
    }

    @Test
    void timeAwayInTheFuture_queuesRefreshesDueWhenItStartsAndWhenItEnds() {
        duty.join("U0AMY", MemberKind.ENGINEER);
        duty.away("U0AMY", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-05"));

        Instant starts = LocalDate.parse("2026-12-01").atStartOfDay(BERLIN).toInstant();
        Instant ends = LocalDate.parse("2026-12-06").atStartOfDay(BERLIN).toInstant();
        assertThat(refreshes()).extracting(row -> Publications.read(row.type(), row.payload()))
                .containsExactly(HomeRefresh.now("U0AMY"), HomeRefresh.at("U0AMY", starts),
                        HomeRefresh.at("U0AMY", ends));
        assertThat(refreshes()).extracting(OutboxRow::nextAttemptAt)
                .containsExactly(NOW.toEpochMilli(), starts.toEpochMilli(), ends.toEpochMilli());
    }
}
