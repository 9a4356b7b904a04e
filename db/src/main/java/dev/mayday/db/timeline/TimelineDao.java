package dev.mayday.db.timeline;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(TimelineRow.class)
public interface TimelineDao {

    /**
     * Returns 1 when stored, 0 when an event with the same dedupe key was stored before. A PINNED key event that
     * was unpinned comes back instead (and counts as stored): pinning a message again is a new decision.
     */
    @SqlUpdate("""
            INSERT INTO timeline_events (incident_id, occurred_at, kind, actor, text, is_key, slack_ts, dedupe_key)
            VALUES (:incidentId, :occurredAt, :kind, :actor, :text, :isKey, :slackTs, :dedupeKey)
            ON CONFLICT (dedupe_key) DO UPDATE SET deleted = 0
            WHERE timeline_events.deleted = 1 AND timeline_events.kind = 'PINNED'""")
    int insert(@BindMethods TimelineRow row);

    /** Stores every column of {@code row}; returns 0 (and changes nothing) when its dedupe key is taken. */
    @SqlUpdate("""
            INSERT INTO timeline_events (incident_id, occurred_at, kind, actor, text, is_key, slack_ts, dedupe_key,
                                         thread_ts, deleted, edited_at)
            VALUES (:incidentId, :occurredAt, :kind, :actor, :text, :isKey, :slackTs, :dedupeKey,
                    :threadTs, :deleted, :editedAt)
            ON CONFLICT (dedupe_key) DO NOTHING""")
    int insertIfAbsent(@BindMethods TimelineRow row);

    @SqlQuery("SELECT * FROM timeline_events WHERE dedupe_key = :dedupeKey")
    Optional<TimelineRow> byDedupeKey(@Bind("dedupeKey") String dedupeKey);

    @SqlUpdate("UPDATE timeline_events SET text = :text, edited_at = :editedAt WHERE dedupe_key = :dedupeKey")
    int updateText(@Bind("dedupeKey") String dedupeKey, @Bind("text") String text, @Bind("editedAt") long editedAt);

    /** Replaces a stand-in text (what was stored before the real one was known); returns 0 if it was not there. */
    @SqlUpdate("""
            UPDATE timeline_events SET actor = :actor, text = :text
            WHERE dedupe_key = :dedupeKey AND text = :standIn""")
    int replaceStandIn(@Bind("dedupeKey") String dedupeKey, @Bind("standIn") String standIn,
                       @Bind("actor") String actor, @Bind("text") String text);

    /** Returns 1 when the flag changed, 0 when the row is missing or already so. */
    @SqlUpdate("UPDATE timeline_events SET deleted = :deleted WHERE dedupe_key = :dedupeKey AND deleted <> :deleted")
    int setDeleted(@Bind("dedupeKey") String dedupeKey, @Bind("deleted") boolean deleted);

    @SqlQuery("SELECT * FROM timeline_events WHERE incident_id = :incidentId ORDER BY occurred_at, id")
    List<TimelineRow> forIncident(@Bind("incidentId") long incidentId);

    /** The key events still standing (not chatter, not deleted or unpinned), oldest first. */
    @SqlQuery("""
            SELECT * FROM timeline_events WHERE incident_id = :incidentId AND is_key = 1 AND deleted = 0
            ORDER BY occurred_at, id""")
    List<TimelineRow> keyEvents(@Bind("incidentId") long incidentId);
}
