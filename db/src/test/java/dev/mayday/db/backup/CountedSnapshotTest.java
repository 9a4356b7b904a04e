package dev.mayday.db.backup;

import dev.mayday.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountedSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void theCountsAreTheSnapshotsOwnEvenWhileWritersGoOn() throws Exception {
        Path store = dir.resolve("live.db");
        Database live = Database.open("jdbc:sqlite:" + store);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            // bounded: stops when the snapshots are done, or after 200,000 writes whatever happens
            while (writing.get() && written.get() < 200_000) {
                long n = written.incrementAndGet();
                live.inTransaction(s -> {
                    s.seenRequests().record(List.of("digest-" + n), Long.MAX_VALUE);
                    return null;
                });
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 6; i++) {
                CountedSnapshot snapshot = CountedSnapshot.take(store, dir.resolve("snap-" + i + ".db"));

                assertThat(countsIn(snapshot.file())).isEqualTo(snapshot.rowCounts());
                assertThat(snapshot.rowCounts()).containsKeys("incidents", "outbox", "flyway_schema_history");
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(written.get()).as("the writer was writing while the snapshots were taken").isGreaterThan(6);
    }

    @Test
    void aWriteCommittedAfterTheCountsIsNotInTheCopy() throws Exception {
        Path store = dir.resolve("live.db");
        Database live = Database.open("jdbc:sqlite:" + store);
        live.inTransaction(s -> {
            s.seenRequests().record(List.of("before"), Long.MAX_VALUE);
            return null;
        });

        CountedSnapshot snapshot = CountedSnapshot.take(store, dir.resolve("snap.db"), () -> live.inTransaction(s -> {
            s.seenRequests().record(List.of("after the counts"), Long.MAX_VALUE);
            return null;
        }));

        assertThat(snapshot.rowCounts()).containsEntry("seen_requests", 1L);
        assertThat(countsIn(snapshot.file())).isEqualTo(snapshot.rowCounts());
        assertThat((int) live.read(s -> s.seenRequests().count())).isEqualTo(2);
    }

    @Test
    void theSnapshotIsOneOwnerOnlyFileWithoutALogBesideIt() throws Exception {
        Path store = dir.resolve("live.db");
        Database.open("jdbc:sqlite:" + store).inTransaction(s -> {
            s.seenRequests().record(List.of("one"), Long.MAX_VALUE);
            return null;
        });

        CountedSnapshot snapshot = CountedSnapshot.take(store, dir.resolve("snap.db"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot.file()))).isEqualTo("rw-------");
        assertThat(dir.resolve("snap.db-wal")).doesNotExist();
        assertThat(snapshot.rowCounts()).containsEntry("seen_requests", 1L);
    }

    @Test
    void neverOverwritesAFileAndRefusesAMissingStore() throws Exception {
        Path store = dir.resolve("live.db");
        Database.open("jdbc:sqlite:" + store);
        Path taken = Files.writeString(dir.resolve("taken.db"), "mine");

        assertThatThrownBy(() -> CountedSnapshot.take(store, taken)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(taken)).isEqualTo("mine");
        assertThatThrownBy(() -> CountedSnapshot.take(dir.resolve("missing.db"), dir.resolve("x.db")))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("no store");
    }

    private static Map<String, Long> countsIn(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1")) {
            return CountedSnapshot.rowCounts(connection);
        }
    }
}
