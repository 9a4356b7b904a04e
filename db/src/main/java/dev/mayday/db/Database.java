package dev.mayday.db;

import dev.mayday.db.digest.DigestDao;
import dev.mayday.db.digest.DigestFactsDao;
import dev.mayday.db.drill.DrillDao;
import dev.mayday.db.incident.ChannelNameDao;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.outbox.OutboxClaims;
import dev.mayday.db.outbox.OutboxDao;
import dev.mayday.db.pagerduty.PagerDutyDao;
import dev.mayday.db.pause.SlackPauseDao;
import dev.mayday.db.people.PeopleDao;
import dev.mayday.db.postmortem.ActionItemDao;
import dev.mayday.db.postmortem.LearningDao;
import dev.mayday.db.postmortem.PostmortemDao;
import dev.mayday.db.postmortem.PostmortemPostDao;
import dev.mayday.db.premortem.PremortemDao;
import dev.mayday.db.reminder.ReminderDao;
import dev.mayday.db.request.SeenRequestDao;
import dev.mayday.db.rotation.HandoffOfferDao;
import dev.mayday.db.rotation.OpenIncidentDao;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.db.sql.Sql;
import dev.mayday.db.timeline.AppMessageDao;
import dev.mayday.db.timeline.PinReactionDao;
import dev.mayday.db.timeline.ProcessedEventDao;
import dev.mayday.db.timeline.TimelineDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The store: SQLite or PostgreSQL ({@link StoreKind}, from the JDBC URL) through JDBI, migrated on open ({@link
 * Migrations}), the same DAOs on both. On SQLite each connection gets the pragmas that make it safe to share and to
 * survive a crash (WAL, foreign keys, busy timeout, IMMEDIATE writes) and writes take turns ({@link GroupCommit}); on
 * PostgreSQL a pool serves the writers, each SERIALIZABLE ({@link SerializableWrites}), or READ COMMITTED for the hot
 * writes that keys and row locks decide ({@link #inTransactionUnderRowLocks}). Failures: {@link StoreException}.
 */
public final class Database implements AutoCloseable {

    private final Jdbi jdbi;
    private final String url;
    private final StoreKind kind;
    private final Writes writes;
    private final WriteProbe probe;
    /** Closed in this order when the store closes. */
    private final List<AutoCloseable> resources;

    Database(Jdbi jdbi, String url, StoreKind kind, Writes writes, WriteProbe probe, List<AutoCloseable> resources) {
        this.jdbi = jdbi;
        this.url = url;
        this.kind = kind;
        this.writes = writes;
        this.probe = probe;
        this.resources = resources;
    }

    public static Database open(String jdbcUrl) {
        return switch (StoreKind.of(jdbcUrl)) {
            case SQLITE -> SqliteStore.open(jdbcUrl);
            case POSTGRESQL -> PostgresStore.open(jdbcUrl);
        };
    }

    /** A SQLite store whose writers wait in {@code writers} (tests give a small queue). */
    static Database open(String jdbcUrl, WriterQueue writers) {
        return SqliteStore.open(jdbcUrl, writers);
    }

    /** What both kinds share: SqlObjects, the store's own exception, and flags stored as 0 and 1. */
    static Jdbi jdbi(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new FlagArguments());
        StoreFailures.install(jdbi);
        return jdbi;
    }

    /**
     * Runs {@code work} in a transaction, committed when this returns. On SQLite writes arriving together share one
     * IMMEDIATE transaction, each in a savepoint ({@link GroupCommit}), the turn taken before a connection; on
     * PostgreSQL {@code work} may run more than once ({@link SerializableWrites}): it must only touch the store.
     */
    public <T> T inTransaction(StoreWork<T> work) {
        return translated(() -> writes.write(work));
    }

    /** {@link #inTransaction} for hot writes that need no read-then-write isolation: READ COMMITTED on PostgreSQL. */
    public <T> T inTransactionUnderRowLocks(StoreWork<T> work) {
        return translated(() -> writes.writeUnderRowLocks(work));
    }

    /** Read-only {@code work} outside an explicit transaction (SQLite's would be IMMEDIATE, taking the write lock). */
    public <T> T read(StoreWork<T> work) {
        return translated(() -> jdbi.withHandle(handle -> work.run(Store.on(handle))));
    }

    /** Whatever Jdbi raises is raised as the store's own exception ({@link StoreFailures}). */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw StoreFailures.translated(e);
        }
    }

    /** Whether the store takes writes now: one tiny write made as real writes are, for {@code GET /health}. */
    public Writability probeWrite() {
        return probe.probe();
    }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closes the connections kept for reuse (or the pool); handles still open close theirs when they finish. */
    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new StoreException("could not close the store: " + e.getMessage(), e);
            }
        }
    }

    public String url() {
        return url;
    }

    public StoreKind kind() {
        return kind;
    }

    /** The raw Jdbi, for the benchmark's bulk fill and tests; the product uses {@link #read}, {@link #inTransaction}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @FunctionalInterface
    public interface StoreWork<T> {
        T run(Store store);
    }

    /**
     * The repositories of one unit of work ({@link #read}, {@link #inTransaction}). The hot paths' DAOs are plain classes
     * over {@link Sql}; the others are SqlObjects, attached on first use (attaching costs more than most units' SQL).
     */
    public static final class Store {

        private final Handle handle;
        private final Map<Class<?>, Object> attached = new HashMap<>();
        private Sql sql;

        private Store(Handle handle) {
            this.handle = handle;
        }

        static Store on(Handle handle) {
            return new Store(handle);
        }

        public IncidentDao incidents() {
            return new IncidentDao(sql());
        }

        public ChannelNameDao channelNames() {
            return new ChannelNameDao(sql());
        }

        public TimelineDao timeline() {
            return new TimelineDao(sql());
        }

        public AppMessageDao appMessages() {
            return dao(AppMessageDao.class);
        }

        public PinReactionDao pins() {
            return dao(PinReactionDao.class);
        }

        public ProcessedEventDao processedEvents() {
            return new ProcessedEventDao(sql());
        }

        public OutboxDao outbox() {
            return new OutboxDao(sql());
        }

        /** The outbox's claims and leases ({@link OutboxClaims}), in this store's dialect. */
        public OutboxClaims outboxClaims() {
            return new OutboxClaims(sql(), PickLock.kindOf(handle) == StoreKind.SQLITE);
        }

        public RosterDao roster() {
            return new RosterDao(sql());
        }

        public PagerDutyDao pagerDuty() {
            return new PagerDutyDao(sql());
        }

        public PeopleDao people() {
            return new PeopleDao(sql());
        }

        public PostmortemDao postmortems() {
            return dao(PostmortemDao.class);
        }

        public PostmortemPostDao postmortemPosts() {
            return dao(PostmortemPostDao.class);
        }

        public ActionItemDao actionItems() {
            return dao(ActionItemDao.class);
        }

        public LearningDao learnings() {
            return dao(LearningDao.class);
        }

        public DigestFactsDao digestFacts() {
            return dao(DigestFactsDao.class);
        }

        public SeenRequestDao seenRequests() {
            return new SeenRequestDao(sql());
        }

        public PremortemDao premortems() {
            return dao(PremortemDao.class);
        }

        public DrillDao drills() {
            return new DrillDao(sql());
        }

        public SlackPauseDao slackPauses() {
            return new SlackPauseDao(sql());
        }

        private <T> T dao(Class<T> type) {
            return type.cast(attached.computeIfAbsent(type, handle::attach));
        }

        /** The hot paths' DAOs run plain JDBC statements, prepared once per connection: see {@link Sql}. */
        private Sql sql() {
            return sql != null ? sql : (sql = Sql.on(handle));
        }

        /** The lock rotation picks take in turn ({@link PickLock}). */
        public PickLock pickLock() {
            return PickLock.on(handle, sql());
        }

        /**
         * Holds incident {@code id}'s row until the transaction ends, so what is read next is the latest and stays so
         * (units of work under row locks that read an incident, then write it): {@code FOR UPDATE} on PostgreSQL.
         * SQLite's writes take turns anyway; an update of the row to lock it rewrote the row and its indexes.
         */
        public void lockIncident(long id) {
            if (PickLock.kindOf(handle) == StoreKind.POSTGRESQL) {
                sql().list("SELECT id FROM incidents WHERE id = ? FOR UPDATE", row -> row.getLong(1), id);
            }
        }

        /** The turn of units of work about {@code name} ({@link TurnLock}). */
        public TurnLock turn(String name) {
            return new TurnLock(sql(), PickLock.kindOf(handle), name);
        }

        public HandoffOfferDao handOffOffers() {
            return dao(HandoffOfferDao.class);
        }

        public DigestDao digests() {
            return dao(DigestDao.class);
        }

        public OpenIncidentDao openIncidents() {
            return dao(OpenIncidentDao.class);
        }

        public ReminderDao reminders() {
            return dao(ReminderDao.class);
        }
    }
}
