package dev.mayday.db.timeline;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The incident timeline: key events and the channel's messages, one row each, deduplicated by {@code dedupe_key}. */
public final class TimelineDao {

    private static final String INSERT = """
            INSERT INTO timeline_events (incident_id, occurred_at, kind, actor, text, is_key, slack_ts, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (dedupe_key) DO UPDATE SET deleted = 0
            WHERE timeline_events.deleted = 1 AND timeline_events.kind = 'PINNED'""";
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO timeline_events (incident_id, occurred_at, kind, actor, text, is_key, slack_ts, dedupe_key,
                                         thread_ts, deleted, edited_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (dedupe_key) DO NOTHING""";
    private static final String BY_DEDUPE_KEY = "SELECT * FROM timeline_events WHERE dedupe_key = ?";
    private static final String UPDATE_TEXT = "UPDATE timeline_events SET text = ?, edited_at = ? WHERE dedupe_key = ?";
    private static final String REPLACE_STAND_IN = """
            UPDATE timeline_events SET actor = ?, text = ?
            WHERE dedupe_key = ? AND text = ?""";
    private static final String SET_DELETED = """
            UPDATE timeline_events SET deleted = ? WHERE dedupe_key = ? AND deleted <> ?""";
    private static final String FOR_INCIDENT = """
            SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY occurred_at, id""";
    private static final String KEY_EVENTS = """
            SELECT * FROM timeline_events WHERE incident_id = ? AND is_key = 1 AND deleted = 0
            ORDER BY occurred_at, id""";
    private static final String LATEST_KEY_EVENT = """
            SELECT * FROM timeline_events WHERE incident_id = ? AND kind = ? AND is_key = 1 AND deleted = 0
            ORDER BY occurred_at DESC, id DESC LIMIT 1""";

    private final Sql sql;

    public TimelineDao(Sql sql) {
        this.sql = sql;
    }

    /**
     * Returns 1 when stored, 0 when an event with the same dedupe key was stored before. A PINNED key event that
     * was unpinned comes back instead (and counts as stored): pinning a message again is a new decision.
     */
    public int insert(TimelineRow row) {
        return sql.update(INSERT, row.incidentId(), row.occurredAt(), row.kind(), row.actor(), row.text(), row.isKey(),
                row.slackTs(), row.dedupeKey());
    }

    /** Stores every column of {@code row}; returns 0 (and changes nothing) when its dedupe key is taken. */
    public int insertIfAbsent(TimelineRow row) {
        return sql.update(INSERT_IF_ABSENT, row.incidentId(), row.occurredAt(), row.kind(), row.actor(), row.text(),
                row.isKey(), row.slackTs(), row.dedupeKey(), row.threadTs(), row.deleted(), row.editedAt());
    }

    public Optional<TimelineRow> byDedupeKey(String dedupeKey) {
        return sql.first(BY_DEDUPE_KEY, TimelineDao::read, dedupeKey);
    }

    public int updateText(String dedupeKey, String text, long editedAt) {
        return sql.update(UPDATE_TEXT, text, editedAt, dedupeKey);
    }

    /** Replaces a stand-in text (what was stored before the real one was known); returns 0 if it was not there. */
    public int replaceStandIn(String dedupeKey, String standIn, String actor, String text) {
        return sql.update(REPLACE_STAND_IN, actor, text, dedupeKey, standIn);
    }

    /** Returns 1 when the flag changed, 0 when the row is missing or already so. */
    public int setDeleted(String dedupeKey, boolean deleted) {
        return sql.update(SET_DELETED, deleted, dedupeKey, deleted);
    }

    public List<TimelineRow> forIncident(long incidentId) {
        return sql.list(FOR_INCIDENT, TimelineDao::read, incidentId);
    }

    /** The key events still standing (not chatter, not deleted or unpinned), oldest first. */
    public List<TimelineRow> keyEvents(long incidentId) {
        return sql.list(KEY_EVENTS, TimelineDao::read, incidentId);
    }

    /** The latest key event of this kind still standing (the latest status update, say), if any. */
    public Optional<TimelineRow> latestKeyEvent(long incidentId, String kind) {
        return sql.first(LATEST_KEY_EVENT, TimelineDao::read, incidentId, kind);
    }

    /** The one place a {@code timeline_events} row becomes a {@link TimelineRow}. */
    private static TimelineRow read(ResultSet row) throws SQLException {
        return new TimelineRow(row.getLong("id"), row.getLong("incident_id"), row.getLong("occurred_at"),
                row.getString("kind"), row.getString("actor"), row.getString("text"), row.getBoolean("is_key"),
                row.getString("slack_ts"), row.getString("dedupe_key"), row.getString("thread_ts"),
                row.getBoolean("deleted"), Sql.nullableLong(row, "edited_at"));
    }
}
