package dev.mayday.db.backup;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
                "INVESTIGATING", false, false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, key,
                IncidentRow.Place.declaredFrom(null), 1_000L)));
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

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void backupRestoreAndLock_writeEveryFileOwnerOnly() throws Exception {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        Path snapshot = dir.resolve("snapshot.db");
        backups.backup(url("live.db"), snapshot);
        Path readable = Files.copy(snapshot, dir.resolve("readable.db"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));

        Optional<Path> kept = backups.restore(url("live.db"), readable);

        assertThat(mode(snapshot)).as("backup").isEqualTo("rw-------");
        assertThat(mode(kept.orElseThrow())).as("before-restore copy").isEqualTo("rw-------");
        assertThat(mode(dir.resolve("live.db"))).as("restored store").isEqualTo("rw-------");
        assertThat(mode(dir.resolve("live.db.lock"))).as("lock file").isEqualTo("rw-------");
        assertThat(incidents(url("live.db"))).extracting(IncidentRow::originKey).containsExactly("a");
    }

    @Test
    void lockFile_leftReadableByAnOlderVersion_isTightened() throws Exception {
        Path lockFile = Files.writeString(dir.resolve("live.db.lock"), "");
        Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-r--r--"));

        StoreLock.tryAcquire(dir.resolve("live.db")).orElseThrow().close();

        assertThat(mode(lockFile)).isEqualTo("rw-------");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TRIGGER flip_private AFTER INSERT ON incidents BEGIN UPDATE incidents SET is_private = 0 WHERE id = NEW.id; END",
            "CREATE VIEW everything AS SELECT * FROM incidents",
            "CREATE INDEX by_title ON incidents (title)",
            "CREATE TABLE smuggled (x)",
            "DROP INDEX outbox_due"})
    void restore_ofASnapshotWhoseSchemaTheMigrationsDidNotMake_isRefusedAndChangesNothing(String change) {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        Path snapshot = dir.resolve("snapshot.db");
        backups.backup(url("live.db"), snapshot);
        addIncident(live, "b");
        Database tampered = Database.open("jdbc:sqlite:" + snapshot);
        tampered.jdbi().useHandle(h -> h.execute(change));
        tampered.close();

        assertThatThrownBy(() -> backups.restore(url("live.db"), snapshot)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageMatching("(?s).*(do not create|defined differently|lacks).*");
        assertThat(incidents(url("live.db"))).extracting(IncidentRow::originKey).containsExactly("a", "b");
        assertThat(dir.toFile().list()).noneMatch(name -> name.contains("before-restore") || name.startsWith(".mayday-restore"));
    }

    @Test
    void restore_ofATableChangedInPlace_namesIt() {
        Database live = Database.open(url("live.db"));
        Path snapshot = dir.resolve("snapshot.db");
        backups.backup(url("live.db"), snapshot);
        Database tampered = Database.open("jdbc:sqlite:" + snapshot);
        tampered.jdbi().useHandle(h -> h.execute("ALTER TABLE incidents ADD COLUMN leak TEXT"));
        tampered.close();

        assertThatThrownBy(() -> backups.restore(url("live.db"), snapshot)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("a table 'incidents' defined differently from Mayday's migrations");
        live.close();
    }

    @Test
    void restore_ofACopyWhoseDataIsStillInItsWal_restoresThatData() throws Exception {
        Database source = Database.open(url("source.db"));
        addIncident(source, "a");
        addIncident(source, "b");
        // copied like `cp source.db* ` while the store is open: the rows are in the -wal, not yet in the main file
        Files.copy(dir.resolve("source.db"), dir.resolve("copy.db"));
        Files.copy(dir.resolve("source.db-wal"), dir.resolve("copy.db-wal"));
        Database.open(url("live.db")).close();

        backups.restore(url("live.db"), dir.resolve("copy.db"));

        assertThat(incidents(url("live.db"))).extracting(IncidentRow::originKey).containsExactly("a", "b");
        source.close();
    }

    @Test
    void restore_ofASnapshotThatWouldNotFit_isRefusedWithTheNumbers() throws Exception {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        Path snapshot = dir.resolve("snapshot.db");
        backups.backup(url("live.db"), snapshot);
        long eightGb = 8L * 1024 * 1024 * 1024;
        try (RandomAccessFile sparse = new RandomAccessFile(snapshot.toFile(), "rw")) {
            sparse.setLength(eightGb);
        }
        long free = 1024L * 1024 * 1024;
        Backups nearlyFull = new Backups(Clock.systemUTC(), directory -> free);

        assertThatThrownBy(() -> nearlyFull.restore(url("live.db"), snapshot)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("8,589,934,592 bytes").hasMessageContaining("1,073,741,824 bytes (1024.0 MiB) is free")
                .hasMessageContaining("nothing was changed");
        assertThat(incidents(url("live.db"))).hasSize(1);
        assertThat(dir.toFile().list()).noneMatch(name -> name.contains("before-restore") || name.startsWith(".mayday-restore"));
    }

    @Test
    void backup_ontoASymbolicLink_isRefusedAndWritesNothing() throws Exception {
        Database live = Database.open(url("live.db"));
        addIncident(live, "a");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path existing = Files.writeString(elsewhere.resolve("existing"), "keep me");
        Path toExisting = Files.createSymbolicLink(dir.resolve("link.db"), existing);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.db"), elsewhere.resolve("new.db"));

        assertThatThrownBy(() -> backups.backup(url("live.db"), toExisting)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> backups.backup(url("live.db"), dangling)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(elsewhere.resolve("new.db")).doesNotExist();
    }
}
