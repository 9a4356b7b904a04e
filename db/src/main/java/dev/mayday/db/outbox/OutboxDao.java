package dev.mayday.db.outbox;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    /**
     * Queues a publication. With a {@code uniqueKey}, a second row with the same key is not written (0 is returned):
     * the key makes "once" a property of the store, whoever enqueues it and however often. With
     * {@code uniqueWhileQueued} the key is released when the row's first attempt starts ({@link #claim}).
     */
    @SqlUpdate("""
            INSERT INTO outbox (type, payload, lane, incident_id, unique_key, unique_while_queued, next_attempt_at,
                                created_at)
            VALUES (:type, :payload, :lane, :incidentId, :uniqueKey, :uniqueWhileQueued, :now, :now)
            ON CONFLICT (unique_key) DO NOTHING""")
    int enqueue(@Bind("type") String type, @Bind("payload") String payload, @Bind("lane") String lane,
                @Bind("incidentId") Long incidentId, @Bind("uniqueKey") String uniqueKey,
                @Bind("uniqueWhileQueued") boolean uniqueWhileQueued, @Bind("now") long now);

    /** The oldest pending row of each lane, when it is due: later rows of a lane wait, so each lane stays in order. */
    @SqlQuery("""
            SELECT o.* FROM outbox o
            WHERE o.state = 'PENDING' AND o.next_attempt_at <= :now
              AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.state = 'PENDING' AND p.lane = o.lane)
            ORDER BY o.id LIMIT :limit""")
    List<OutboxRow> due(@Bind("now") long now, @Bind("limit") int limit);

    @SqlQuery("SELECT min(next_attempt_at) FROM outbox WHERE state = 'PENDING'")
    Optional<Long> nextAttemptAt();

    @SqlQuery("SELECT count(*) FROM outbox WHERE state = 'PENDING'")
    int pendingCount();

    @SqlQuery("SELECT * FROM outbox WHERE id = :id")
    Optional<OutboxRow> byId(@Bind("id") long id);

    @SqlQuery("SELECT * FROM outbox WHERE incident_id = :incidentId ORDER BY id")
    List<OutboxRow> forIncident(@Bind("incidentId") long incidentId);

    @SqlQuery("SELECT * FROM outbox WHERE type = :type ORDER BY id")
    List<OutboxRow> ofType(@Bind("type") String type);

    @SqlQuery("SELECT * FROM outbox WHERE unique_key = :uniqueKey")
    Optional<OutboxRow> byUniqueKey(@Bind("uniqueKey") String uniqueKey);

    /** Records what the delivery did outside (a message ts, a note id) the moment the service answered. */
    @SqlUpdate("UPDATE outbox SET result = :result WHERE id = :id")
    int recordResult(@Bind("id") long id, @Bind("result") String result);

    @SqlUpdate("UPDATE outbox SET state = 'DONE', done_at = :now, last_error = NULL WHERE id = :id")
    int markDone(@Bind("id") long id, @Bind("now") long now);

    /**
     * Counts an attempt before it starts, so an attempt cut short by a crash is still known to have happened
     * (and the next one checks whether its post went through). A key unique only while queued is let go here.
     */
    @SqlUpdate("""
            UPDATE outbox SET attempts = attempts + 1,
                              unique_key = CASE WHEN unique_while_queued = 1 THEN NULL ELSE unique_key END
            WHERE id = :id AND state = 'PENDING'""")
    int claim(@Bind("id") long id);

    @SqlUpdate("UPDATE outbox SET next_attempt_at = :nextAttemptAt, last_error = :error WHERE id = :id")
    int retryLater(@Bind("id") long id, @Bind("nextAttemptAt") long nextAttemptAt, @Bind("error") String error);

    @SqlUpdate("UPDATE outbox SET state = 'FAILED', done_at = :now, last_error = :error WHERE id = :id")
    int markFailed(@Bind("id") long id, @Bind("now") long now, @Bind("error") String error);
}
