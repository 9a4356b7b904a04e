package dev.mayday.db.backup;

import dev.mayday.db.PrivateFiles;
import dev.mayday.db.StoreFile;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Consistent copies of the store, taken while the bot runs, and their restoration. A backup is {@code VACUUM INTO}
 * on a connection of its own (a live copy of the file could miss what is still in the WAL), written into a file
 * created owner-only first. A restore refuses a snapshot that would not fit, copies it (with any {@code -wal} beside
 * it) into an owner-only directory, settles the copy into one self-contained file, checks that very copy, refuses
 * while a server holds the store, keeps the current store aside, and only then moves the checked copy into place.
 */
public final class Backups {

    private final Clock clock;
    private final RestoreRoom room;

    public Backups(Clock clock) {
        this(clock, FreeSpace.ofFileSystem());
    }

    public Backups(Clock clock, FreeSpace freeSpace) {
        this.clock = clock;
        this.room = new RestoreRoom(freeSpace);
    }

    /** Writes a snapshot of the store at {@code jdbcUrl} to {@code target}, which must not exist yet. */
    public void backup(String jdbcUrl, Path target) {
        Path store = StoreFile.of(jdbcUrl);
        if (Files.isSymbolicLink(target)) {
            throw new BackupRefused(target + " is a symbolic link: a backup is written only to a new plain file, "
                    + "never through a link; nothing was written.");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupRefused(target + " exists already: choose a new file, a backup never overwrites one.");
        }
        if (!Files.isRegularFile(store)) {
            throw new BackupRefused("There is no store at " + store + " to back up.");
        }
        try {
            // SQLite's VACUUM INTO accepts an empty target: creating it owner-only first leaves no moment it is readable
            PrivateFiles.createNew(target);
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefused(target + " appeared while the backup started: choose a new file; nothing was written.");
        } catch (IOException e) {
            throw new BackupRefused("Cannot create " + target + " (" + e.getMessage() + "); nothing was written.");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new BackupRefused("The backup failed: " + e.getMessage() + "; no file was left at " + target + ".");
        }
    }

    /**
     * Replaces the store at {@code jdbcUrl} with {@code source}. Returns where the replaced store was kept, if there
     * was one.
     */
    public Optional<Path> restore(String jdbcUrl, Path source) {
        Path store = StoreFile.of(jdbcUrl);
        if (!Files.isRegularFile(source)) {
            throw new BackupRefused(source + " is not a file.");
        }
        room.ensure(source, store);
        try (StoreLock lock = StoreLock.tryAcquire(store).orElseThrow(() -> new BackupRefused(
                "A Mayday server is using " + store + ": stop it before restoring."))) {
            Path scratch = PrivateFiles.createDirectory(store.getParent(), ".mayday-restore-");
            try {
                Path copy = settledCopy(source, scratch);
                SnapshotCheck.check(copy, source, scratch);
                Optional<Path> kept = Optional.empty();
                if (Files.exists(store)) {
                    Path aside = store.resolveSibling(store.getFileName() + ".before-restore-"
                            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atZone(clock.getZone())));
                    backup(jdbcUrl, aside);
                    kept = Optional.of(aside);
                }
                // a WAL or journal left beside the store would be replayed onto the restored file
                for (String companion : PrivateFiles.SQLITE_COMPANIONS) {
                    Files.deleteIfExists(store.resolveSibling(store.getFileName() + companion));
                }
                Files.move(copy, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return kept;
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new BackupRefused("The restore failed while copying: " + e.getMessage());
        }
    }

    /**
     * Copies the snapshot and what SQLite keeps beside it, then lets SQLite fold a {@code -wal} (or roll back a
     * {@code -journal}) into the copy: the copy then holds what SQLite reads from the snapshot, in one file, and
     * that file is what gets checked and restored.
     */
    static Path settledCopy(Path source, Path scratch) throws IOException {
        Path copy = scratch.resolve("snapshot.db");
        PrivateFiles.copyNew(source, copy);
        for (String companion : PrivateFiles.SQLITE_LOGS) {
            Path beside = source.resolveSibling(source.getFileName() + companion);
            if (Files.isRegularFile(beside)) {
                PrivateFiles.copyNew(beside, scratch.resolve(copy.getFileName() + companion));
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("PRAGMA journal_mode=DELETE");
        } catch (SQLException e) {
            throw new BackupRefused(source + " is not a readable Mayday store (" + e.getMessage() + "); nothing was changed.");
        }
        return copy;
    }

    static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            // an owner-only scratch directory left behind holds nothing anyone else can read
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // reported by the caller's own message; nothing more to do here
        }
    }
}
