package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.TimelineRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path dir;

    private Database open() {
        return Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    private static IncidentRow newIncident(String originKey) {
        return new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, originKey,
                IncidentRow.Place.declaredFrom("C0"), 1_000L);
    }

    @Test
    void open_appliesPragmasToEveryConnection() {
        Database db = open();
        String journal = db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        int foreignKeys = db.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
        int busy = db.jdbi().withHandle(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(foreignKeys).isEqualTo(1);
        assertThat(busy).isEqualTo(2000);
        assertThat(db.isReachable()).isTrue();
    }

    @Test
    void open_createsTheStoreAndItsWalAndShmOwnerOnly() throws Exception {
        Database db = open();
        db.inTransaction(s -> s.incidents().insertIfNew(newIncident("private")));

        for (String file : new String[] {"test.db", "test.db-wal", "test.db-shm"}) {
            assertThat(dir.resolve(file)).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void open_tightensAStoreAnOlderVersionLeftReadableByOthers() throws Exception {
        Database old = open();
        old.inTransaction(s -> s.incidents().insertIfNew(newIncident("private")));
        for (String file : new String[] {"test.db", "test.db-wal", "test.db-shm"}) {
            Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }

        open();

        for (String file : new String[] {"test.db", "test.db-wal", "test.db-shm"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void open_twice_migratesOnce() {
        int afterFirstOpen = appliedMigrations(open());
        int afterSecondOpen = appliedMigrations(open());
        assertThat(afterFirstOpen).isPositive();
        assertThat(afterSecondOpen).isEqualTo(afterFirstOpen);
    }

    private static int appliedMigrations(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
    }

    @Test
    void insertIfNew_withSameOriginKey_storesOneIncident() {
        Database db = open();
        int first = db.inTransaction(s -> s.incidents().insertIfNew(newIncident("cmd:T1")));
        int second = db.inTransaction(s -> s.incidents().insertIfNew(newIncident("cmd:T1")));
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        List<IncidentRow> all = db.inTransaction(s -> s.incidents().all());
        assertThat(all).hasSize(1);
    }

    @Test
    void timelineInsert_withSameDedupeKey_isStoredOnce() {
        Database db = open();
        long id = db.inTransaction(s -> {
            s.incidents().insertIfNew(newIncident("k"));
            return s.incidents().byOriginKey("k").orElseThrow().id();
        });
        TimelineRow row = new TimelineRow(0, id, 2_000L, "NOTE_ADDED", "U1", "first", true, null, "ev:1");
        int first = db.inTransaction(s -> s.timeline().insert(row));
        int second = db.inTransaction(s -> s.timeline().insert(row));
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        List<TimelineRow> events = db.inTransaction(s -> s.timeline().forIncident(id));
        assertThat(events).extracting(TimelineRow::text).containsExactly("first");
    }

    @Test
    void transaction_thatFails_leavesNothingBehind() {
        Database db = open();
        assertThatThrownBy(() -> db.inTransaction(s -> {
            s.incidents().insertIfNew(newIncident("half"));
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class);
        Optional<IncidentRow> half = db.inTransaction(s -> s.incidents().byOriginKey("half"));
        assertThat(half).isEmpty();
    }

    @Test
    void timelineInsert_forUnknownIncident_isRejectedByForeignKey() {
        Database db = open();
        TimelineRow orphan = new TimelineRow(0, 999, 2_000L, "NOTE_ADDED", "U1", "x", true, null, null);
        assertThatThrownBy(() -> db.inTransaction(s -> s.timeline().insert(orphan))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void open_withAUrlOfNeitherKind_failsWithClearMessage_withoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x?user=u&password=hunter2"))
                .hasMessageContaining("DATABASE_URL must be a SQLite file (jdbc:sqlite:PATH) or a PostgreSQL database")
                .hasMessageNotContaining("hunter2");
    }
}
