package dev.mayday.db.backup;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupsTest {

    @TempDir
    Path dir;
    final Backups backups = new Backups(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    private String url(String name) {
        return "jdbc:sqlite:" + dir.resolve(name);
    }

    private static void addIncident(Database db, String key) {
        db.inTransaction(s -> s.incidents().insertIfNew(new IncidentRow(0, "Incident " + key, null, "SEV2",
                "INVESTIGATING", false, "U1", "U1", 1_000L, null, null, null, null, key, null, null, null, null, null, 1_000L)));
    }

    private static List<IncidentRow> incidents(String url) {
        return Database.open(url).read(s -> s.incidents().all());
    }

    @Test
    void backupWhileOpen_thenRestore_bringsBackExactlyWhatWasBackedUp() {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        addIncident(live, "b");
        Path snapshot = dir.resolve("snapshot.db");

        backups.backup(url("live.db"), snapshot);
        addIncident(live, "c");
        Optional<Path> kept = backups.restore(url("live.db"), snapshot);

        assertThat(incidents(url("live.db"))).extracting(IncidentRow::originKey).containsExactly("a", "b");
        assertThat(kept).hasValueSatisfying(aside -> assertThat(incidents("jdbc:sqlite:" + aside))
                .extracting(IncidentRow::originKey).containsExactly("a", "b", "c"));
    }

    @Test
    void backup_neverOverwritesAFile() throws Exception {
        Database.open(url("live.db"));
        Path existing = Files.writeString(dir.resolve("taken.db"), "keep me");

        assertThatThrownBy(() -> backups.backup(url("live.db"), existing)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void restore_whileAServerHoldsTheStore_isRefused() {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        backups.backup(url("live.db"), dir.resolve("snapshot.db"));
        addIncident(live, "b");

        try (StoreLock held = StoreLock.tryAcquire(dir.resolve("live.db")).orElseThrow()) {
            assertThatThrownBy(() -> backups.restore(url("live.db"), dir.resolve("snapshot.db")))
                    .isInstanceOf(BackupRefused.class).hasMessageContaining("stop it before restoring");
        }
        assertThat(incidents(url("live.db"))).hasSize(2);
    }

    @Test
    void restore_ofADamagedOrForeignFile_isRefusedAndChangesNothing() throws Exception {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        Path garbage = Files.write(dir.resolve("garbage.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Database.open(url("other.db")).jdbi().useHandle(h -> h.execute("DROP TABLE flyway_schema_history"));

        assertThatThrownBy(() -> backups.restore(url("live.db"), garbage)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> backups.restore(url("live.db"), dir.resolve("other.db")))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("not a Mayday store");
        assertThat(incidents(url("live.db"))).hasSize(1);
    }

    @Test
    void restore_ofAStoreFromANewerVersion_isRefused() {
        Database newer = Database.open(url("newer.db"));
        newer.jdbi().useHandle(h -> h.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, execution_time, success)
                VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 0, 1)"""));
        Database.open(url("live.db"));

        assertThatThrownBy(() -> backups.restore(url("live.db"), dir.resolve("newer.db")))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("newer Mayday");
    }
}
