package dev.mayday.db.backup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Consistent copies of the store, taken while the bot runs, and their restoration. A backup is {@code VACUUM INTO}
 * on a connection of its own (a live copy of the file could miss what is still in the WAL). A restore checks the
 * copy's integrity and schema version first, refuses while a server holds the store, keeps the current store
 * aside, and only then replaces it.
 */
public final class Backups {

    private final Clock clock;

    public Backups(Clock clock) {
        this.clock = clock;
    }

    /** Writes a snapshot of the store at {@code jdbcUrl} to {@code target}, which must not exist yet. */
    public void backup(String jdbcUrl, Path target) {
        if (Files.exists(target)) {
            throw new BackupRefused(target + " exists already: choose a new file, a backup never overwrites one.");
        }
        try (Connection connection = DriverManager.getConnection(plain(jdbcUrl));
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new BackupRefused("The backup failed: " + e.getMessage());
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
        check(source);
        try (StoreLock lock = StoreLock.tryAcquire(store).orElseThrow(() -> new BackupRefused(
                "A Mayday server is using " + store + ": stop it before restoring."))) {
            Optional<Path> kept = Optional.empty();
            if (Files.exists(store)) {
                Path aside = store.resolveSibling(store.getFileName() + ".before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atZone(clock.getZone())));
                backup(jdbcUrl, aside);
                kept = Optional.of(aside);
            }
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(store.resolveSibling(store.getFileName() + suffix));
            }
            Files.copy(source, store, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new BackupRefused("The restore failed while copying: " + e.getMessage());
        }
    }

    /** The copy must be an intact SQLite store whose schema this version of Mayday knows. */
    private static void check(Path source) {
        String url = "jdbc:sqlite:" + source.toAbsolutePath() + "?open_mode=1";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new BackupRefused(source + " is damaged (integrity check: " + verdict + "); nothing was changed.");
            }
        } catch (SQLException e) {
            throw new BackupRefused(source + " is not a readable Mayday store (" + e.getMessage() + "); nothing was changed.");
        }
        MigrationInfo[] applied = Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration")
                .load().info().applied();
        if (applied.length == 0) {
            throw new BackupRefused(source + " is not a Mayday store (it has no schema history); nothing was changed.");
        }
        if (Arrays.stream(applied).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS)) {
            throw new BackupRefused(source + " was written by a newer Mayday (its schema is ahead of this version); "
                    + "nothing was changed.");
        }
    }

    private static String plain(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
