package dev.mayday.db.backup;

import dev.mayday.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreDrillTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);

    private Path storeWith(int seenRequests) {
        Path store = dir.resolve("live.db");
        Database live = Database.open("jdbc:sqlite:" + store);
        for (int i = 0; i < seenRequests; i++) {
            int n = i;
            live.inTransaction(s -> {
                s.seenRequests().record(List.of("digest-" + n), Long.MAX_VALUE);
                return null;
            });
        }
        live.close();
        return store;
    }

    @Test
    void aHealthyStoreBacksUpAndRestoresWithEveryRow() throws Exception {
        Path store = storeWith(5);

        DrillResult result = new RestoreDrill(clock).run(store, dir.resolve("backups"));

        assertThat(result.failure()).isEmpty();
        assertThat(result.backup()).isEqualTo(dir.resolve("backups/mayday-20261203-030000.db")).exists();
        assertThat(result.schemaVersion()).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isGreaterThanOrEqualTo(21));
        assertThat(result.tables()).isGreaterThan(15);
        assertThat(result.rows()).isGreaterThanOrEqualTo(5);
        assertThat(result.line()).startsWith("Restore drill ok: mayday-20261203-030000.db restored in ")
                .contains("integrity ok");
        try (Stream<Path> left = Files.list(dir.resolve("backups"))) {
            assertThat(left).as("the scratch copy is gone, the backup kept").containsExactly(result.backup());
        }
    }

    @Test
    void aSecondDrillInTheSameSecondKeepsTheFirstBackup() {
        Path store = storeWith(1);
        RestoreDrill drill = new RestoreDrill(clock);

        DrillResult first = drill.run(store, dir.resolve("backups"));
        DrillResult second = drill.run(store, dir.resolve("backups"));

        assertThat(second.ok()).isTrue();
        assertThat(second.backup().getFileName()).hasToString("mayday-20261203-030000-2.db");
        assertThat(first.backup()).exists();
    }

    @Test
    void aStoreThatIsNotThereFailsWithAReason() {
        DrillResult result = new RestoreDrill(clock).run(dir.resolve("missing.db"), dir.resolve("backups"));

        assertThat(result.ok()).isFalse();
        assertThat(result.line()).startsWith("Restore drill FAILED: the backup could not be taken: There is no store");
    }

    @Test
    void aBackupThatDoesNotRestoreFailsTheDrillAndSaysWhy() {
        Path store = storeWith(50);

        DrillResult result = new RestoreDrill(clock).run(store, dir.resolve("backups"), RestoreDrillTest::breakTable);

        assertThat(result.ok()).isFalse();
        assertThat(result.line()).startsWith("Restore drill FAILED: the backup does not restore: ")
                .contains("mayday-20261203-030000.db is damaged (integrity check");
    }

    /** Makes the first page of the seen_requests table an invalid b-tree page: the integrity check names it. */
    private static void breakTable(Path backup) {
        try {
            long root;
            int pageSize;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement()) {
                var rows = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'seen_requests'");
                rows.next();
                root = rows.getLong(1);
                var size = s.executeQuery("PRAGMA page_size");
                size.next();
                pageSize = size.getInt(1);
            }
            try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
                file.seek((root - 1) * pageSize);
                file.write(0x42);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rowCountsThatDifferAreNamed() {
        assertThat(RestoreDrill.differences(Map.of("incidents", 3L, "outbox", 1L), Map.of("incidents", 2L, "x", 0L)))
                .containsExactlyInAnyOrder("has 2 rows in incidents where the store had 3", "lacks table outbox",
                        "has a table x the store did not");
        assertThat(RestoreDrill.differences(Map.of("incidents", 3L), Map.of("incidents", 3L))).isEmpty();
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndOtherFilesAreLeftAlone() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("kept"));
        for (String name : List.of("mayday-20261201-030000.db", "mayday-20261202-030000.db",
                "mayday-20261202-030000-2.db", "mayday-20261203-030000.db", "notes.txt", "mayday-old.db")) {
            Files.writeString(backups.resolve(name), name);
        }

        List<Path> deleted = new KeptBackups(backups, 2).prune();

        assertThat(deleted).extracting(p -> p.getFileName().toString())
                .containsExactly("mayday-20261201-030000.db", "mayday-20261202-030000.db");
        assertThat(new KeptBackups(backups, 2).list()).extracting(p -> p.getFileName().toString())
                .containsExactly("mayday-20261202-030000-2.db", "mayday-20261203-030000.db");
        assertThat(backups.resolve("notes.txt")).exists();
        assertThat(backups.resolve("mayday-old.db")).exists();
    }
}
