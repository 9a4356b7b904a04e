package dev.mayday.db.pagerduty;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** The link between an incident and the PagerDuty incident it mirrors, and the webhook deliveries seen. */
public interface PagerDutyDao {

    /** Returns 1 for a first delivery of this event id, 0 for a repeat. */
    @SqlUpdate("""
            INSERT INTO pagerduty_events (event_id, event_type, incident_id, occurred_at, received_at)
            VALUES (:eventId, :eventType, :incidentId, :occurredAt, :receivedAt)
            ON CONFLICT (event_id) DO NOTHING""")
    int recordEvent(@Bind("eventId") String eventId, @Bind("eventType") String eventType,
                    @Bind("incidentId") String pagerIncidentId, @Bind("occurredAt") long occurredAt,
                    @Bind("receivedAt") long receivedAt);

    @SqlQuery("SELECT id FROM incidents WHERE pagerduty_id = :pagerId")
    Optional<Long> incidentFor(@Bind("pagerId") String pagerId);

    @SqlQuery("SELECT pagerduty_id FROM incidents WHERE id = :incidentId")
    Optional<String> pagerIdOf(@Bind("incidentId") long incidentId);

    @SqlQuery("SELECT pagerduty_url FROM incidents WHERE id = :incidentId")
    Optional<String> pagerUrlOf(@Bind("incidentId") long incidentId);

    @SqlUpdate("UPDATE incidents SET pagerduty_id = :pagerId, pagerduty_url = :url WHERE id = :incidentId")
    int link(@Bind("incidentId") long incidentId, @Bind("pagerId") String pagerId, @Bind("url") String url);

    /**
     * Moves the incident's PagerDuty clock forward to {@code occurredAt}; returns 0 when a newer event was applied
     * already, so an older delivery must not change the state.
     */
    @SqlUpdate("""
            UPDATE incidents SET pagerduty_state_at = :occurredAt
            WHERE id = :incidentId AND (pagerduty_state_at IS NULL OR pagerduty_state_at <= :occurredAt)""")
    int advance(@Bind("incidentId") long incidentId, @Bind("occurredAt") long occurredAt);

    /** The severity of PagerDuty's priority in the newest event that carried one. */
    @SqlQuery("SELECT pagerduty_severity FROM incidents WHERE id = :incidentId")
    Optional<String> pagerSeverityOf(@Bind("incidentId") long incidentId);

    @SqlUpdate("UPDATE incidents SET pagerduty_severity = :severity WHERE id = :incidentId")
    int recordPagerSeverity(@Bind("incidentId") long incidentId, @Bind("severity") String severity);

    /** Keeps what a note said when no incident exists for it yet, on the row of its event. */
    @SqlUpdate("UPDATE pagerduty_events SET note = :note, note_author = :author WHERE event_id = :eventId")
    int keepEarlyNote(@Bind("eventId") String eventId, @Bind("author") String author, @Bind("note") String note);

    @SqlQuery("""
            SELECT note_author AS author, note FROM pagerduty_events
            WHERE incident_id = :pagerId AND note IS NOT NULL ORDER BY occurred_at, received_at""")
    @RegisterConstructorMapper(EarlyNote.class)
    List<EarlyNote> earlyNotes(@Bind("pagerId") String pagerIncidentId);

    /** Notes Mayday itself created in PagerDuty (their ids are stored on the outbox rows that created them). */
    @SqlQuery("SELECT count(*) FROM outbox WHERE type = 'PagerNote' AND result = :noteId")
    int isOwnNote(@Bind("noteId") String noteId);
}
