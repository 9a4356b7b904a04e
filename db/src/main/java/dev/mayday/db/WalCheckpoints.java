package dev.mayday.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Copies the write-ahead log back into the store file on a thread of its own. Left to SQLite, the commit that takes
 * the log past its threshold does the copy (and the file sync that ends it) while holding the writer's turn, so every
 * write queued behind it waits: a pause every thousand pages, in the middle of a storm. Here a PASSIVE checkpoint runs
 * every {@code every}: it copies what no reader still needs, never waits for a lock and never blocks a writer. The
 * writers' own checkpoint stays as a backstop at a higher threshold ({@link SqliteUrl}), for a log that grows faster
 * than this thread copies it.
 */
final class WalCheckpoints implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);

    private final String url;
    private final Path file;
    private final Duration every;
    private final Thread thread;
    private volatile boolean running = true;

    WalCheckpoints(String url, Path file, Duration every) {
        this.url = url;
        this.file = file;
        this.every = every;
        this.thread = new Thread(this::checkpointUntilClosed, "mayday-wal-checkpoints");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void checkpointUntilClosed() {
        Connection connection = null;
        while (running) {
            try {
                Thread.sleep(every.toMillis());
                if (!Files.exists(file)) {
                    // the store was deleted under a store object nobody closed (a test's temporary directory)
                    break;
                }
                if (connection == null) {
                    connection = DriverManager.getConnection(url);
                }
                checkpoint(connection);
            } catch (InterruptedException e) {
                break;
            } catch (SQLException e) {
                // the writers' own checkpoint still runs; try again with a new connection next time
                log.warn("Could not copy the write-ahead log into the store: {}", e.getMessage());
                closeQuietly(connection);
                connection = null;
            }
        }
        closeQuietly(connection);
    }

    /** One PASSIVE checkpoint: copies what no reader still needs, waiting for nobody. */
    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
