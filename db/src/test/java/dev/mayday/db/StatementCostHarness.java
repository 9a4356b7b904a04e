package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.db.timeline.TimelineRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: a measurement, run by hand, of what the store costs per statement and per request path. It uses only
 * what every version of the store offers, so the same source runs against a jar from before a change and one from
 * after it: {@code java -cp <jar>:<classes> dev.mayday.db.StatementCostHarness [N]}. Timings on a shared machine are
 * noisy: compare ratios within one run, and alternate runs of the two jars.
 */
public final class StatementCostHarness {

    private static final String INSERT = """
            INSERT INTO processed_events (event_id, received_at) VALUES (:eventId, :receivedAt)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String INSERT_JDBC = """
            INSERT INTO processed_events (event_id, received_at) VALUES (?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String BY_CHANNEL = "SELECT * FROM incidents WHERE channel_id = :channelId";
    private static final String BY_CHANNEL_JDBC = "SELECT * FROM incidents WHERE channel_id = ?";
    private static final int INCIDENTS = 1_000;

    private final Database db;
    private final int n;
    private long next;

    private StatementCostHarness(Database db, int n) {
        this.db = db;
        this.n = n;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("mayday-cost");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("cost.db"))) {
            StatementCostHarness harness = new StatementCostHarness(db, n);
            harness.fill();
            for (int round = 1; round <= 3; round++) {
                System.out.printf("round %d%s (N=%d, µs per call)%n", round, round == 1 ? " (warm-up)" : "", n);
                harness.statements();
                harness.requestPaths();
            }
        }
    }

    /** The ways to run one statement, every call inside one long transaction on one handle. */
    @RegisterRowMapper(LocalIncidentMapper.class)
    public interface CostDao {
        @SqlUpdate(INSERT)
        int insert(@Bind("eventId") String eventId, @Bind("receivedAt") long receivedAt);

        @SqlQuery(BY_CHANNEL)
        Optional<IncidentRow> byChannel(@Bind("channelId") String channelId);
    }

    private void statements() throws SQLException {
        report("insert, SqlObject attached per call", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                h.attach(CostDao.class).insert(eventId(), 1L);
            }
        }));
        report("insert, fluent createUpdate", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                h.createUpdate(INSERT).bind("eventId", eventId()).bind("receivedAt", 1L).execute();
            }
        }));
        report("insert, JDBC prepared once", inOneTransaction(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_JDBC)) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, eventId());
                    ps.setLong(2, 1L);
                    ps.executeUpdate();
                }
            }
        }));
        report("insert, this build's Store DAO", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                Database.Store.on(h).processedEvents().recordIfNew(eventId(), 1L);
            }
        }));
        report("byChannel, SqlObject attached per call", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                h.attach(CostDao.class).byChannel(channel()).orElseThrow();
            }
        }));
        report("byChannel, fluent createQuery", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                h.createQuery(BY_CHANNEL).bind("channelId", channel()).map(new LocalIncidentMapper()).one();
            }
        }));
        report("byChannel, JDBC prepared once", inOneTransaction(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(BY_CHANNEL_JDBC)) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, channel());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        LocalIncidentMapper.read(rs);
                    }
                }
            }
        }));
        report("byChannel, this build's Store DAO", inOneTransaction(h -> {
            for (int i = 0; i < n; i++) {
                Database.Store.on(h).incidents().byChannel(channel()).orElseThrow();
            }
        }));
    }

    /** The store's share of each request path, as the product runs it: one unit of work per request. */
    private void requestPaths() throws SQLException {
        report("Events API message: 1 tx, 3 statements", perRequest(() -> db.inTransaction(store -> {
            store.processedEvents().recordIfNew(eventId(), 1L);
            String ts = "1." + next++;
            store.timeline().insertIfAbsent(new TimelineRow(0, 1, 1L, "MESSAGE", "U1", "hello", false, ts,
                    "msg:C1:" + ts, null, false, null));
            return store.timeline().replaceStandIn("pin:C1:" + ts, "(stand-in)", "U1", "hello");
        })));
        report("/incident note: 1 tx, 5 statements", perRequest(() -> db.inTransaction(store -> {
            IncidentRow row = store.incidents().byChannel(channel()).orElseThrow();
            store.incidents().updateState(row);
            String key = "note:" + next++;
            store.timeline().insert(new TimelineRow(0, row.id(), 1L, "NOTE_ADDED", "U1", "a note", true, null, key));
            store.outbox().enqueue("ChangePosted", "{}", "incident:" + row.id(), row.id(), null, false, 1L);
            return store.pagerDuty().pagerIdOf(row.id());
        })));
        // the note path leaves a pending row in each incident's lane: the delivery path below wants only its own
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET state = 'DONE' WHERE state = 'PENDING'"));
        report("outbox: enqueue tx + due read + claim tx + done tx", perRequest(() -> {
            long now = next++;
            db.inTransaction(store -> store.outbox().enqueue("Cost", "{}", "cost", null, null, false, now));
            List<OutboxRow> due = db.read(store -> store.outbox().due(Long.MAX_VALUE, 16));
            long id = due.stream().filter(row -> row.lane().equals("cost")).findFirst().orElseThrow().id();
            db.inTransaction(store -> store.outbox().claim(id));
            return db.inTransaction(store -> store.outbox().markDone(id, now));
        }));
        report("PagerDuty webhook: 1 tx, dedupe + lookup", perRequest(() -> db.inTransaction(store -> {
            store.pagerDuty().recordEvent("PE" + next++, "ACKNOWLEDGED", "PD1", 1L, 1L);
            return store.pagerDuty().incidentFor("PD1");
        })));
        report("replay guard: isRecorded read + record tx", perRequest(() -> {
            String digest = "d" + next++;
            db.read(store -> store.seenRequests().isRecorded(digest, 1L));
            return db.inTransaction(store -> {
                store.seenRequests().record(List.of(digest), 10L);
                return null;
            });
        }));
        report("read: byChannel alone", perRequest(() -> db.read(store -> store.incidents().byChannel(channel()))));
        report("read: byChannel, 8 threads at once (wall time)", fromThreads(8,
                () -> db.read(store -> store.incidents().byChannel(channel()))));
        report("Events API message, 8 threads at once (wall time)", fromThreads(8, () -> db.inTransaction(store -> {
            store.processedEvents().recordIfNew(eventId(), 1L);
            String ts = "2." + eventId();
            store.timeline().insertIfAbsent(new TimelineRow(0, 1, 1L, "MESSAGE", "U1", "hello", false, ts,
                    "msg:C1:" + ts, null, false, null));
            return store.timeline().replaceStandIn("pin:C1:" + ts, "(stand-in)", "U1", "hello");
        })));
        report("tx: empty unit of work (turn, BEGIN, COMMIT)", perRequest(() -> db.inTransaction(store -> null)));
    }

    private void fill() {
        db.jdbi().useTransaction(h -> {
            for (int i = 1; i <= INCIDENTS; i++) {
                h.createUpdate("""
                        INSERT INTO incidents (title, severity, status, is_private, declared_by, lead, declared_at,
                                               origin_key, origin_channel, updated_at, channel_id, channel_name)
                        VALUES ('t', 'SEV3', 'INVESTIGATING', 0, 'U1', 'U1', 1, :key, 'C0', 1, :channel, :name)""")
                        .bind("key", "k" + i).bind("channel", "C" + i).bind("name", "inc-" + i).execute();
            }
        });
    }

    private interface Loop {
        void run(Handle handle) throws SQLException;
    }

    private interface Request {
        Object run();
    }

    private Timing inOneTransaction(Loop loop) throws SQLException {
        return db.jdbi().inTransaction(h -> {
            Timer timer = new Timer();
            loop.run(h);
            return timer.perCall(n);
        });
    }

    private Timing perRequest(Request request) {
        Timer timer = new Timer();
        for (int i = 0; i < n; i++) {
            request.run();
        }
        return timer.perCall(n);
    }

    /**
     * Wall time and this thread's CPU time per call: on a machine shared with other work, the CPU time moves much less
     * with the load than the wall time (it still includes the store's own work, which runs on the calling thread).
     */
    private record Timing(double wallMicros, double cpuMicros) {
    }

    private static final class Timer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long wallStart = System.nanoTime();
        private final long cpuStart = threads.getCurrentThreadCpuTime();

        Timing perCall(int calls) {
            return new Timing((System.nanoTime() - wallStart) / 1_000.0 / calls,
                    (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / calls);
        }
    }

    /** {@code n} requests shared among {@code threads}. */
    private Timing fromThreads(int threads, Request request) {
        long start = System.nanoTime();
        List<Thread> running = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = n / threads;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < share; i++) {
                    request.run();
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Timing(Double.NaN, Double.NaN);
            }
        }
        return new Timing((System.nanoTime() - start) / 1_000.0 / n, Double.NaN);
    }

    private synchronized String eventId() {
        return "Ev" + next++;
    }

    private synchronized String channel() {
        return "C" + (1 + next++ % INCIDENTS);
    }

    private static void report(String what, Timing timing) {
        System.out.printf("  %-50s %8.1f wall %8.1f cpu%n", what, timing.wallMicros(), timing.cpuMicros());
    }

    /** The incidents row read by column name, for the SqlObject and fluent ways (the store's own is private). */
    public static final class LocalIncidentMapper implements RowMapper<IncidentRow> {

        @Override
        public IncidentRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return read(rs);
        }

        static IncidentRow read(ResultSet rs) throws SQLException {
            IncidentRow.People people = new IncidentRow.People(rs.getString("declared_by"), rs.getString("lead"),
                    rs.getString("responder"), rs.getString("lead_reason"));
            IncidentRow.Times times = new IncidentRow.Times(rs.getLong("declared_at"), nullable(rs, "acknowledged_at"),
                    nullable(rs, "resolved_at"), nullable(rs, "closed_at"));
            IncidentRow.Place place = new IncidentRow.Place(rs.getString("origin_channel"), rs.getString("channel_id"),
                    rs.getString("channel_name"), rs.getString("card_ts"), rs.getString("announcement_ts"));
            return new IncidentRow(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                    rs.getString("severity"), rs.getString("status"), rs.getBoolean("is_private"), false, people, times,
                    rs.getString("resolution"), rs.getString("origin_key"), place, rs.getLong("updated_at"));
        }

        private static Long nullable(ResultSet rs, String column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
    }
}
