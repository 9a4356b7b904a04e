package dev.mayday.db.outbox;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    @SqlUpdate("""
            INSERT INTO outbox (incident_id, kind, change_kind, actor, text, next_attempt_at, created_at)
            VALUES (:incidentId, :kind, :changeKind, :actor, :text, :now, :now)""")
    int enqueue(@Bind("incidentId") long incidentId, @Bind("kind") String kind, @Bind("changeKind") String changeKind,
                @Bind("actor") String actor, @Bind("text") String text, @Bind("now") long now);

    /**
     * The oldest pending row of each incident and lane, when it is due: later rows wait, so each incident stays in
     * order. PagerDuty rows (kind PAGER_…) have a lane of their own, so PagerDuty being out never holds up Slack.
     */
    @SqlQuery("""
            SELECT o.* FROM outbox o
            WHERE o.state = 'PENDING' AND o.next_attempt_at <= :now
              AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.incident_id = o.incident_id AND p.state = 'PENDING'
                          AND (substr(p.kind, 1, 6) = 'PAGER_') = (substr(o.kind, 1, 6) = 'PAGER_'))
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

    @SqlUpdate("UPDATE outbox SET posted_ts = :ts WHERE id = :id")
    int recordPosted(@Bind("id") long id, @Bind("ts") String ts);

    @SqlUpdate("UPDATE outbox SET state = 'DONE', done_at = :now, last_error = NULL WHERE id = :id")
    int markDone(@Bind("id") long id, @Bind("now") long now);

    /**
     * Counts an attempt before it starts, so an attempt cut short by a crash is still known to have happened
     * (and the next one checks whether its post went through).
     */
    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id AND state = 'PENDING'")
    int claim(@Bind("id") long id);

    @SqlUpdate("UPDATE outbox SET next_attempt_at = :nextAttemptAt, last_error = :error WHERE id = :id")
    int retryLater(@Bind("id") long id, @Bind("nextAttemptAt") long nextAttemptAt, @Bind("error") String error);

    @SqlUpdate("UPDATE outbox SET state = 'FAILED', done_at = :now, last_error = :error WHERE id = :id")
    int markFailed(@Bind("id") long id, @Bind("now") long now, @Bind("error") String error);
}
