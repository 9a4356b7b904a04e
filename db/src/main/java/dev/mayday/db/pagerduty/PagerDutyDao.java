package dev.mayday.db.pagerduty;

import dev.mayday.db.sql.Sql;

import java.util.List;
import java.util.Optional;

/** The link between an incident and the PagerDuty incident it mirrors, and the webhook deliveries seen. */
public final class PagerDutyDao {

    private static final String RECORD_EVENT = """
            INSERT INTO pagerduty_events (event_id, event_type, incident_id, occurred_at, received_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String ADVANCE = """
            UPDATE incidents SET pagerduty_state_at = ?
            WHERE id = ? AND (pagerduty_state_at IS NULL OR pagerduty_state_at <= ?)""";
    private static final String EARLY_NOTES = """
            SELECT note_author, note FROM pagerduty_events
            WHERE incident_id = ? AND note IS NOT NULL ORDER BY occurred_at, received_at""";

    private static final String INCIDENT_FOR = """
            SELECT id FROM incidents WHERE pagerduty_id = ?
            UNION SELECT incident_id AS id FROM pagerduty_links WHERE pagerduty_id = ?""";
    private static final String PAGER_IDS_OF = """
            SELECT pagerduty_id FROM incidents WHERE id = ? AND pagerduty_id IS NOT NULL
            UNION ALL SELECT l.pagerduty_id FROM pagerduty_links l JOIN incidents i ON i.id = l.incident_id
            WHERE l.incident_id = ? AND (i.pagerduty_id IS NULL OR l.pagerduty_id <> i.pagerduty_id)""";
    private static final String ADD_LINK = """
            INSERT INTO pagerduty_links (pagerduty_id, incident_id, url, linked_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (pagerduty_id) DO NOTHING""";
    private static final String MIRROR_UNLESS_MIRRORING = """
            UPDATE incidents SET pagerduty_id = ?, pagerduty_url = ? WHERE id = ? AND pagerduty_id IS NULL""";

    /** Package-private, as {@link #OWN_NOTE}, for {@code PagerDutyLookupPlansTest}, which holds it to its index. */
    static final String IS_PAGED = """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM incidents WHERE id = ? AND pagerduty_id IS NOT NULL)
                OR EXISTS (SELECT 1 FROM pagerduty_links WHERE incident_id = ?)
                OR EXISTS (SELECT 1 FROM outbox WHERE incident_id = ? AND type = 'PagerPage') THEN 1 ELSE 0 END""";

    static final String OWN_NOTE = "SELECT count(*) FROM outbox WHERE type = 'PagerNote' AND result = ?";

    private final Sql sql;

    public PagerDutyDao(Sql sql) {
        this.sql = sql;
    }

    /** Returns 1 for a first delivery of this event id, 0 for a repeat. */
    public int recordEvent(String eventId, String eventType, String pagerIncidentId, long occurredAt, long receivedAt) {
        return sql.update(RECORD_EVENT, eventId, eventType, pagerIncidentId, occurredAt, receivedAt);
    }

    /** The incident a PagerDuty incident mirrors or was linked to (by a page, or by hand). */
    public Optional<Long> incidentFor(String pagerId) {
        return sql.first(INCIDENT_FOR, row -> Sql.nullableLong(row, "id"), pagerId, pagerId);
    }

    /** Every PagerDuty incident linked to the incident, its mirror first. */
    public List<String> pagerIdsOf(long incidentId) {
        return sql.list(PAGER_IDS_OF, row -> row.getString("pagerduty_id"), incidentId, incidentId);
    }

    /**
     * Links a PagerDuty incident to the incident (repeating it is harmless); the first link also becomes the
     * incident's mirror. Returns 0 when that PagerDuty incident belongs to another incident already.
     */
    public int addLink(long incidentId, String pagerId, String url, long at) {
        Optional<Long> owner = incidentFor(pagerId);
        if (owner.isPresent()) {
            return owner.get() == incidentId ? 1 : 0;
        }
        sql.update(ADD_LINK, pagerId, incidentId, url, at);
        sql.update(MIRROR_UNLESS_MIRRORING, pagerId, url, incidentId);
        return 1;
    }

    public Optional<String> pagerIdOf(long incidentId) {
        return sql.first("SELECT pagerduty_id FROM incidents WHERE id = ?", row -> row.getString("pagerduty_id"),
                incidentId);
    }

    public Optional<String> pagerUrlOf(long incidentId) {
        return sql.first("SELECT pagerduty_url FROM incidents WHERE id = ?", row -> row.getString("pagerduty_url"),
                incidentId);
    }

    public int link(long incidentId, String pagerId, String url) {
        return sql.update("UPDATE incidents SET pagerduty_id = ?, pagerduty_url = ? WHERE id = ?", pagerId, url,
                incidentId);
    }

    /**
     * Moves the incident's PagerDuty clock forward to {@code occurredAt}; returns 0 when a newer event was applied
     * already, so an older delivery must not change the state.
     */
    public int advance(long incidentId, long occurredAt) {
        return sql.update(ADVANCE, occurredAt, incidentId, occurredAt);
    }

    /** The severity of PagerDuty's priority in the newest event that carried one. */
    public Optional<String> pagerSeverityOf(long incidentId) {
        return sql.first("SELECT pagerduty_severity FROM incidents WHERE id = ?",
                row -> row.getString("pagerduty_severity"), incidentId);
    }

    public int recordPagerSeverity(long incidentId, String severity) {
        return sql.update("UPDATE incidents SET pagerduty_severity = ? WHERE id = ?", severity, incidentId);
    }

    /** Keeps what a note said when no incident exists for it yet, on the row of its event. */
    public int keepEarlyNote(String eventId, String author, String note) {
        return sql.update("UPDATE pagerduty_events SET note = ?, note_author = ? WHERE event_id = ?", note, author,
                eventId);
    }

    public List<EarlyNote> earlyNotes(String pagerIncidentId) {
        return sql.list(EARLY_NOTES, row -> new EarlyNote(row.getString("note_author"), row.getString("note")),
                pagerIncidentId);
    }

    /**
     * Whether PagerDuty knows the incident, so that what happens to it in Slack must reach PagerDuty: it mirrors a
     * PagerDuty incident, has one linked, or has a page queued (whose incident will be linked when it is delivered).
     * Returns 1 or 0.
     */
    public int isPaged(long incidentId) {
        return sql.first(IS_PAGED, row -> row.getInt(1), incidentId, incidentId, incidentId).orElseThrow();
    }

    /** Notes Mayday itself created in PagerDuty (their ids are stored on the outbox rows that created them). */
    public int isOwnNote(String noteId) {
        return sql.first(OWN_NOTE, row -> row.getInt(1), noteId).orElseThrow();
    }
}
