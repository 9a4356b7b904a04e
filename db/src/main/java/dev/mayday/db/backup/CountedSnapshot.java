package dev.mayday.db.backup;

import dev.mayday.db.PrivateFiles;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the store and each table's row count at the moment it was taken. Both come from one read transaction
 * on a connection of their own: the counts are read first, which fixes the transaction's view of the store, and SQLite's
 * online backup, run in a single step on that same connection, copies exactly that view. Writers go on meanwhile (a
 * reader never blocks them in WAL mode), and the snapshot still matches the counts.
 */
public record CountedSnapshot(Path file, Map<String, Long> rowCounts) {

    public CountedSnapshot {
        rowCounts = Map.copyOf(rowCounts);
    }

    /** Copies the store at {@code store} into {@code target}, a new owner-only file. */
    public static CountedSnapshot take(Path store, Path target) {
        return take(store, target, () -> { });
    }

    /** {@code afterCounting} runs between the counts and the copy: a test writes there, to show the copy skips it. */
    static CountedSnapshot take(Path store, Path target, Runnable afterCounting) {
        if (!Files.isRegularFile(store)) {
            throw new BackupRefused("There is no store at " + store + " to back up.");
        }
        try {
            PrivateFiles.createNew(target);
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefused(target + " exists already: a backup never overwrites a file; nothing was written.");
        } catch (IOException e) {
            throw new BackupRefused("Cannot create " + target + " (" + e.getMessage() + "); nothing was written.");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            connection.setAutoCommit(false);
            Map<String, Long> counts = rowCounts(connection);
            afterCounting.run();
            // -1 pages: the whole store in one step, inside the transaction the counts were read in
            connection.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", target.toAbsolutePath().toString(), null, 100, 3, -1);
            connection.rollback();
            settle(target);
            return new CountedSnapshot(target, counts);
        } catch (SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the message below says the backup failed; a leftover empty file is owner-only
            }
            throw new BackupRefused("The backup failed: " + e.getMessage() + "; no file was left at " + target + ".");
        }
    }

    /** Every table's row count, read through {@code connection}, by table name. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The copy carries the store's WAL mode in its header: one self-contained file is what a backup should be. */
    private static void settle(Path target) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=DELETE");
        }
    }
}
