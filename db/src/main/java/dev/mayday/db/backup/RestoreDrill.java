package dev.mayday.db.backup;

import dev.mayday.db.PrivateFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A backup, then proof that it restores: the store is copied into the backup directory with each table's row count
 * at that moment ({@link CountedSnapshot}), and the copy is restored into a scratch directory beside it exactly as
 * {@code restore} would prepare it (settled into one file, then the same checks: integrity, a schema version this
 * version knows, exactly the schema objects the migrations create), its rows counted and compared, and the time taken.
 * The store itself is never touched; the scratch copy is deleted afterwards, the backup kept.
 */
public final class RestoreDrill {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'mayday-'yyyyMMdd-HHmmss'.db'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public RestoreDrill(Clock clock) {
        this.clock = clock;
    }

    /** Backs up {@code store} into {@code backupDir} and drills a restore of that backup. */
    public DrillResult run(Path store, Path backupDir) {
        return run(store, backupDir, backup -> { });
    }

    /** {@code afterBackup} sees the backup before it is restored: a test damages it there. */
    DrillResult run(Path store, Path backupDir, Consumer<Path> afterBackup) {
        Instant at = clock.instant();
        Path backup = newBackupFile(backupDir, at);
        CountedSnapshot snapshot;
        try {
            Files.createDirectories(backupDir);
            snapshot = CountedSnapshot.take(store, backup);
        } catch (BackupRefused e) {
            return failed(at, backup, "the backup could not be taken: " + e.getMessage());
        } catch (FileAlreadyExistsException e) {
            return failed(at, backup, "cannot create the backup directory " + backupDir + ": a file of that name is "
                    + "in the way");
        } catch (IOException e) {
            return failed(at, backup, "cannot create the backup directory " + backupDir + " (" + e + ")");
        }
        afterBackup.accept(backup);
        long started = System.nanoTime();
        Path scratch = null;
        try {
            scratch = PrivateFiles.createDirectory(backupDir, ".mayday-drill-");
            Path restored = Backups.settledCopy(backup, scratch);
            String version = SnapshotCheck.check(restored, backup, scratch);
            Map<String, Long> found;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + restored + "?open_mode=1")) {
                found = CountedSnapshot.rowCounts(connection);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<String> differences = differences(snapshot.rowCounts(), found);
            long rows = found.values().stream().mapToLong(Long::longValue).sum();
            if (!differences.isEmpty()) {
                return new DrillResult(at, backup, Optional.of(version), found.size(), rows, took,
                        Optional.of("the restored copy of " + backup.getFileName() + " " + String.join("; ", differences)));
            }
            return new DrillResult(at, backup, Optional.of(version), found.size(), rows, took, Optional.empty());
        } catch (BackupRefused e) {
            return failed(at, backup, "the backup does not restore: " + e.getMessage());
        } catch (IOException | SQLException e) {
            return failed(at, backup, "the restore of " + backup.getFileName() + " failed: " + e.getMessage());
        } finally {
            if (scratch != null) {
                Backups.deleteTree(scratch);
            }
        }
    }

    /** Tables whose restored row count is not the store's at the snapshot, or that one side lacks. */
    static List<String> differences(Map<String, Long> expected, Map<String, Long> found) {
        List<String> differences = new ArrayList<>();
        expected.forEach((table, count) -> {
            Long restored = found.get(table);
            if (restored == null) {
                differences.add("lacks table " + table);
            } else if (!restored.equals(count)) {
                differences.add("has " + restored + " rows in " + table + " where the store had " + count);
            }
        });
        found.keySet().stream().filter(table -> !expected.containsKey(table))
                .forEach(table -> differences.add("has a table " + table + " the store did not"));
        return differences;
    }

    private DrillResult failed(Instant at, Path backup, String why) {
        return new DrillResult(at, backup, Optional.empty(), 0, 0, Duration.ZERO, Optional.of(why));
    }

    /** {@code mayday-20261203-030000.db}, or with {@code -2}, {@code -3}… when a drill in the same second took that. */
    private static Path newBackupFile(Path dir, Instant at) {
        String name = NAME.format(at);
        Path file = dir.resolve(name);
        for (int n = 2; Files.exists(file, LinkOption.NOFOLLOW_LINKS) && n < 100; n++) {
            file = dir.resolve(name.replace(".db", "-" + n + ".db"));
        }
        return file;
    }
}
