package dev.mayday.db;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a store in a SQLite file: every connection with the pragmas that make it safe to share between threads and to
 * survive a crash, the schema migrated, writes taking turns in one queue ({@link GroupCommit}), and the write-ahead log
 * copied into the file off the writers' path ({@link WalCheckpoints}).
 */
final class SqliteStore {

    /** Enough for the request threads and workers that use the store at once; more are opened and closed. */
    private static final int IDLE_CONNECTIONS = 8;

    /**
     * Writers that may wait for a turn before the next is refused at once. Well above any real burst: request threads
     * (Jetty's pool of 250) and a few workers are all that write, so only a runaway gets here.
     */
    static final int MAX_WAITING_WRITERS = 1_000;

    /**
     * How long a writer waits for its turn before giving up. Not the normal path: a queue of hundreds drains in a
     * second or two, so a wait this long means a turn is stuck (a disk that does not answer), not that it is busy.
     */
    static final Duration LAST_RESORT_WAIT = Duration.ofSeconds(20);

    /** How often the log is copied into the store file, off the writers' path ({@link WalCheckpoints}). */
    static final Duration CHECKPOINT_EVERY = Duration.ofMillis(250);

    private SqliteStore() {
    }

    static Database open(String jdbcUrl) {
        return open(jdbcUrl, new WriterQueue(MAX_WAITING_WRITERS, LAST_RESORT_WAIT));
    }

    static Database open(String jdbcUrl, WriterQueue writers) {
        String url = SqliteUrl.withPragmas(jdbcUrl);
        // before SQLite creates the file with the umask's mode (often 0644), and its -wal and -shm after it
        StoreFile.find(url).ifPresent(PrivateFiles::prepareStore);
        Migrations.apply(url, StoreKind.SQLITE);
        ReusedConnections connections = new ReusedConnections(url, IDLE_CONNECTIONS);
        Jdbi jdbi = Database.jdbi(Jdbi.create(connections));
        jdbi.setTransactionHandler(new OneWriterAtATime(jdbi.getTransactionHandler(), writers));
        // a store in memory has no log to copy
        Optional<WalCheckpoints> checkpoints = StoreFile.find(url)
                .map(file -> new WalCheckpoints(url, file, CHECKPOINT_EVERY));
        checkpoints.ifPresent(WalCheckpoints::start);
        List<AutoCloseable> resources = new ArrayList<>();
        checkpoints.ifPresent(resources::add);
        resources.add(connections);
        return new Database(jdbi, url, StoreKind.SQLITE, new GroupCommit(jdbi, writers), new SqliteWriteProbe(jdbi),
                resources);
    }
}
