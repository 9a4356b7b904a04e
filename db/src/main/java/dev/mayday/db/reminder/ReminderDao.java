package dev.mayday.db.reminder;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/**
 * Reminders owed to quiet and to resolved-but-unclosed incidents. Each reminder is a row under a key the store keeps
 * unique, so whoever computes the same reminder twice (a restart, a second process) inserts it once.
 */
@RegisterConstructorMapper(QuietIncidentRow.class)
@RegisterConstructorMapper(UnclosedIncidentRow.class)
public interface ReminderDao {

    /** What breaks a quiet stretch: people saying where things stand, or the incident moving. */
    String ACTIVITY = "('DECLARED', 'UPDATE_POSTED', 'STATUS_CHANGED', 'SEVERITY_CHANGED')";

    /** Open incidents that have a channel, with what decides whether a reminder is due. */
    @SqlQuery("SELECT i.id AS incident_id, i.severity, i.lead,"
            + " (SELECT max(t.occurred_at) FROM timeline_events t WHERE t.incident_id = i.id AND t.kind IN "
            + ACTIVITY + ") AS quiet_since,"
            + " (SELECT max(r.number) FROM update_reminders r WHERE r.incident_id = i.id) AS last_number,"
            + " (SELECT max(r.reminded_at) FROM update_reminders r WHERE r.incident_id = i.id) AS last_reminded_at,"
            + " (SELECT s.until_at FROM reminder_snoozes s WHERE s.incident_id = i.id) AS snoozed_until"
            + " FROM incidents i WHERE i.status NOT IN ('RESOLVED', 'CLOSED') AND i.channel_id IS NOT NULL"
            + " ORDER BY i.id")
    List<QuietIncidentRow> openIncidents();

    /** The same, for one incident (whether a reminder about to be posted is still owed). */
    @SqlQuery("SELECT i.id AS incident_id, i.severity, i.lead,"
            + " (SELECT max(t.occurred_at) FROM timeline_events t WHERE t.incident_id = i.id AND t.kind IN "
            + ACTIVITY + ") AS quiet_since,"
            + " (SELECT max(r.number) FROM update_reminders r WHERE r.incident_id = i.id) AS last_number,"
            + " (SELECT max(r.reminded_at) FROM update_reminders r WHERE r.incident_id = i.id) AS last_reminded_at,"
            + " (SELECT s.until_at FROM reminder_snoozes s WHERE s.incident_id = i.id) AS snoozed_until"
            + " FROM incidents i WHERE i.id = :incidentId AND i.status NOT IN ('RESOLVED', 'CLOSED')")
    Optional<QuietIncidentRow> openIncident(@Bind("incidentId") long incidentId);

    /** Records reminder {@code number}; returns 1 when this call recorded it, 0 when it was recorded already. */
    @SqlUpdate("""
            INSERT INTO update_reminders (incident_id, number, quiet_since, reminded_at)
            VALUES (:incidentId, :number, :quietSince, :remindedAt)
            ON CONFLICT (incident_id, number) DO NOTHING""")
    int remind(@Bind("incidentId") long incidentId, @Bind("number") int number, @Bind("quietSince") long quietSince,
               @Bind("remindedAt") long remindedAt);

    /** No reminder for the incident before {@code untilAt}. */
    @SqlUpdate("""
            INSERT INTO reminder_snoozes (incident_id, until_at, snoozed_by) VALUES (:incidentId, :untilAt, :by)
            ON CONFLICT (incident_id) DO UPDATE SET until_at = excluded.until_at, snoozed_by = excluded.snoozed_by""")
    int snooze(@Bind("incidentId") long incidentId, @Bind("untilAt") long untilAt, @Bind("by") String by);

    /** How many quiet reminders the incident got. */
    @SqlQuery("SELECT count(*) FROM update_reminders WHERE incident_id = :incidentId")
    int reminderCount(@Bind("incidentId") long incidentId);

    /** Incidents resolved before {@code cutoff}, still not closed, not yet reminded of this resolution. */
    @SqlQuery("""
            SELECT i.id AS incident_id, i.resolved_at FROM incidents i
            WHERE i.status = 'RESOLVED' AND i.resolved_at < :cutoff AND i.channel_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM close_reminders c
                              WHERE c.incident_id = i.id AND c.resolved_at = i.resolved_at)
            ORDER BY i.resolved_at, i.id""")
    List<UnclosedIncidentRow> unclosedSince(@Bind("cutoff") long cutoff);

    /** Records the close reminder of this resolution; returns 1 when this call recorded it. */
    @SqlUpdate("""
            INSERT INTO close_reminders (incident_id, resolved_at, reminded_at)
            VALUES (:incidentId, :resolvedAt, :remindedAt)
            ON CONFLICT (incident_id, resolved_at) DO NOTHING""")
    int remindToClose(@Bind("incidentId") long incidentId, @Bind("resolvedAt") long resolvedAt,
                      @Bind("remindedAt") long remindedAt);

    /** Whether the incident is still resolved from that resolution and not closed. */
    @SqlQuery("""
            SELECT count(*) > 0 FROM incidents
            WHERE id = :incidentId AND status = 'RESOLVED' AND resolved_at = :resolvedAt""")
    boolean stillUnclosed(@Bind("incidentId") long incidentId, @Bind("resolvedAt") long resolvedAt);
}
