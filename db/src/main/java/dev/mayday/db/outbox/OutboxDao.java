package dev.mayday.db.outbox;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The outbox table: publications queued in the transaction of the change that asks for them, then delivered. */
public final class OutboxDao {

    private static final String ENQUEUE = """
            INSERT INTO outbox (type, payload, lane, incident_id, unique_key, unique_while_queued, next_attempt_at,
                                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (unique_key) DO NOTHING""";
    /** Package-private for {@code OutboxLookupPlansTest}, which holds it to its index. */
    static final String DUE = """
            SELECT o.* FROM outbox o
            WHERE o.state = 'PENDING' AND +o.next_attempt_at <= ? AND NOT EXISTS (%s)
            ORDER BY o.id LIMIT ?""".formatted(OutboxClaims.EARLIER_IN_LANE);
    private static final String CLAIM = """
            UPDATE outbox SET attempts = attempts + 1,
                              unique_key = CASE WHEN unique_while_queued = 1 THEN NULL ELSE unique_key END
            WHERE id = ? AND state = 'PENDING'""";
    private static final String MARK_DONE = "UPDATE outbox SET state = 'DONE', done_at = ?, last_error = NULL WHERE id = ?";
    private static final String RETRY_LATER = "UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?";
    private static final String MARK_FAILED = "UPDATE outbox SET state = 'FAILED', done_at = ?, last_error = ? WHERE id = ?";
    private static final String BACKLOG = """
            SELECT lane, state, count(*) AS how_many, min(created_at) AS oldest FROM outbox
            WHERE state IN ('PENDING', 'FAILED')
            GROUP BY lane, state""";

    private final Sql sql;

    public OutboxDao(Sql sql) {
        this.sql = sql;
    }

    /**
     * Queues a publication. With a {@code uniqueKey}, a second row with the same key is not written (0 is returned):
     * the key makes "once" a property of the store, whoever enqueues it and however often. With
     * {@code uniqueWhileQueued} the key is released when the row's first attempt starts ({@link #claim}).
     */
    public int enqueue(String type, String payload, String lane, Long incidentId, String uniqueKey,
                       boolean uniqueWhileQueued, long now) {
        return sql.update(ENQUEUE, type, payload, lane, incidentId, uniqueKey, uniqueWhileQueued, now, now);
    }

    /** The oldest pending row of each lane, when it is due: later rows of a lane wait, so each lane stays in order. */
    public List<OutboxRow> due(long now, int limit) {
        return sql.list(DUE, OutboxDao::read, now, limit);
    }

    public Optional<Long> nextAttemptAt() {
        return sql.first("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'PENDING'",
                row -> Sql.nullableLong(row, "at"));
    }

    public int pendingCount() {
        return sql.first("SELECT count(*) FROM outbox WHERE state = 'PENDING'", row -> row.getInt(1)).orElseThrow();
    }

    /** The rows not delivered (pending or failed for good), counted per lane and state: what the metrics show. */
    public List<LaneBacklog> backlog() {
        return sql.list(BACKLOG, row -> new LaneBacklog(row.getString("lane"), row.getString("state"),
                row.getInt("how_many"), row.getLong("oldest")));
    }

    public Optional<OutboxRow> byId(long id) {
        return sql.first("SELECT * FROM outbox WHERE id = ?", OutboxDao::read, id);
    }

    /** The rows of {@code lane} queued after row {@code id} and still waiting, oldest first. */
    public List<OutboxRow> waitingAfter(String lane, long id) {
        return sql.list("SELECT * FROM outbox WHERE state = 'PENDING' AND lane = ? AND id > ? ORDER BY id",
                OutboxDao::read, lane, id);
    }

    public List<OutboxRow> forIncident(long incidentId) {
        return sql.list("SELECT * FROM outbox WHERE incident_id = ? ORDER BY id", OutboxDao::read, incidentId);
    }

    public List<OutboxRow> ofType(String type) {
        return sql.list("SELECT * FROM outbox WHERE type = ? ORDER BY id", OutboxDao::read, type);
    }

    public Optional<OutboxRow> byUniqueKey(String uniqueKey) {
        return sql.first("SELECT * FROM outbox WHERE unique_key = ?", OutboxDao::read, uniqueKey);
    }

    /** Records what the delivery did outside (a message ts, a note id) the moment the service answered. */
    public int recordResult(long id, String result) {
        return sql.update("UPDATE outbox SET result = ? WHERE id = ?", result, id);
    }

    public int markDone(long id, long now) {
        return sql.update(MARK_DONE, now, id);
    }

    /**
     * Counts an attempt before it starts, so an attempt cut short by a crash is still known to have happened
     * (and the next one checks whether its post went through). A key unique only while queued is let go here.
     */
    public int claim(long id) {
        return sql.update(CLAIM, id);
    }

    public int retryLater(long id, long nextAttemptAt, String error) {
        return sql.update(RETRY_LATER, nextAttemptAt, error, id);
    }

    public int markFailed(long id, long now, String error) {
        return sql.update(MARK_FAILED, now, error, id);
    }

    /** The one place an {@code outbox} row becomes an {@link OutboxRow}. */
    static OutboxRow read(ResultSet row) throws SQLException {
        return new OutboxRow(row.getLong("id"), row.getString("type"), row.getString("payload"),
                row.getString("lane"), Sql.nullableLong(row, "incident_id"), row.getString("unique_key"),
                row.getBoolean("unique_while_queued"), row.getString("state"), row.getInt("attempts"),
                row.getLong("next_attempt_at"), row.getString("result"), row.getString("last_error"),
                row.getLong("created_at"), Sql.nullableLong(row, "done_at"));
    }
}
