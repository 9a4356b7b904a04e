package dev.mayday.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;

/**
 * Opens a store on a PostgreSQL server: a pool of connections (HikariCP), the schema migrated, and writes in
 * SERIALIZABLE transactions ({@link SerializableWrites}). Nothing of SQLite's own machinery (the writer queue, group
 * commit, log checkpoints, the lock file) applies: the server takes concurrent writers from any number of processes.
 */
final class PostgresStore {

    /** Request threads and workers of one process; several processes share the server's max_connections (100). */
    static final int POOL_SIZE = 10;

    /** Below Slack's 3-second ack window: a server that does not answer is a clear failure in time, not a hang. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(2);

    private PostgresStore() {
    }

    static Database open(String url) {
        HikariDataSource pool = pool(url);
        try {
            Migrations.apply(pool, StoreKind.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Jdbi jdbi = Database.jdbi(Jdbi.create(pool));
        return new Database(jdbi, url, StoreKind.POSTGRESQL, new SerializableWrites(jdbi), new PostgresWriteProbe(jdbi),
                List.of(pool));
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("mayday-store");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(Math.min(CONNECTION_WAIT.toMillis(), 1_000));
        return new HikariDataSource(config);
    }
}
