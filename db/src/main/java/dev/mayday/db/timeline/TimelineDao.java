package dev.mayday.db.timeline;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

@RegisterConstructorMapper(TimelineRow.class)
public interface TimelineDao {

    /** Returns 1 when stored, 0 when an event with the same dedupe key was stored before. */
    @SqlUpdate("""
            INSERT INTO timeline_events (incident_id, occurred_at, kind, actor, text, is_key, slack_ts, dedupe_key)
            VALUES (:incidentId, :occurredAt, :kind, :actor, :text, :isKey, :slackTs, :dedupeKey)
            ON CONFLICT (dedupe_key) DO NOTHING""")
    int insert(@BindMethods TimelineRow row);

    @SqlQuery("SELECT * FROM timeline_events WHERE incident_id = :incidentId ORDER BY occurred_at, id")
    List<TimelineRow> forIncident(@Bind("incidentId") long incidentId);
}
