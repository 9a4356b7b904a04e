package dev.mayday.db;

import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.outbox.OutboxDao;
import dev.mayday.db.pagerduty.PagerDutyDao;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.db.timeline.TimelineDao;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.time.Duration;

/**
 * The store: SQLite through JDBI, migrated on open. Every connection gets the pragmas that make it safe
 * to share between threads and to survive a crash (WAL, foreign keys, busy timeout, IMMEDIATE writes).
 */
public final class Database {

    /** Below Slack's 3-second ack window, like the busy timeout: a writer gets a clear answer in time. */
    private static final Duration WRITE_PATIENCE = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final String url;

    private Database(Jdbi jdbi, String url) {
        this.jdbi = jdbi;
        this.url = url;
    }

    public static Database open(String jdbcUrl) {
        String url = SqliteUrl.withPragmas(jdbcUrl);
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Jdbi jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
        jdbi.setTransactionHandler(new OneWriterAtATime(jdbi.getTransactionHandler(), WRITE_PATIENCE));
        return new Database(jdbi, url);
    }

    /** Runs {@code work} in one IMMEDIATE transaction: all of it is stored, or none of it. */
    public <T> T inTransaction(StoreWork<T> work) {
        return jdbi.inTransaction(handle -> work.run(Store.on(handle)));
    }

    /**
     * Runs read-only {@code work} outside an explicit transaction: every connection starts its transactions
     * IMMEDIATE (taking the write lock), which a poll or a lookup does not need.
     */
    public <T> T read(StoreWork<T> work) {
        return jdbi.withHandle(handle -> work.run(Store.on(handle)));
    }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String url() {
        return url;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @FunctionalInterface
    public interface StoreWork<T> {
        T run(Store store);
    }

    /** The repositories visible inside one transaction. */
    public record Store(IncidentDao incidents, TimelineDao timeline, OutboxDao outbox, RosterDao roster,
                        PagerDutyDao pagerDuty) {

        static Store on(Handle handle) {
            return new Store(handle.attach(IncidentDao.class), handle.attach(TimelineDao.class),
                    handle.attach(OutboxDao.class), handle.attach(RosterDao.class), handle.attach(PagerDutyDao.class));
        }
    }
}
