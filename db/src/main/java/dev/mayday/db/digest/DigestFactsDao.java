package dev.mayday.db.digest;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** The read side of the weekly digest: incidents, the duty ledger and the roster over a window of time. */
@RegisterConstructorMapper(DigestIncidentRow.class)
@RegisterConstructorMapper(DutyAssignmentRow.class)
@RegisterConstructorMapper(RosterKindRow.class)
@RegisterConstructorMapper(StatusUpdatesRow.class)
public interface DigestFactsDao {

    String INCIDENT_COLUMNS = """
            id, title, severity, status, is_private, lead, responder, declared_at, acknowledged_at, resolved_at,
            closed_at, pagerduty_id, practice""";

    /** Incidents declared in [from, to), oldest first. */
    @SqlQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents"
            + " WHERE declared_at >= :from AND declared_at < :to ORDER BY declared_at, id")
    List<DigestIncidentRow> declaredBetween(@Bind("from") long from, @Bind("to") long to);

    /** Incidents declared before {@code before} and not resolved or closed yet, oldest first. */
    @SqlQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents"
            + " WHERE declared_at < :before AND status NOT IN ('RESOLVED', 'CLOSED') ORDER BY declared_at, id")
    List<DigestIncidentRow> openDeclaredBefore(@Bind("before") long before);

    @SqlQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE id = :id")
    Optional<DigestIncidentRow> byId(@Bind("id") long id);

    /** Every lead and responder assignment made in [from, to) with the holder's kind, in the order made. */
    @SqlQuery("""
            SELECT a.incident_id, a.user_id, a.role, m.kind, a.assigned_at
            FROM duty_assignments a LEFT JOIN duty_members m ON m.user_id = a.user_id
            WHERE a.assigned_at >= :from AND a.assigned_at < :to
            ORDER BY a.assigned_at, a.id""")
    List<DutyAssignmentRow> assignmentsBetween(@Bind("from") long from, @Bind("to") long to);

    /**
     * Status updates in [from, to), and those of them that came after a reminder: a reminder records the start of the
     * quiet stretch it was sent in (the last update, status or severity change, or the declaration), so an update
     * came late when a reminder of its incident, sent before it, has that stretch's start as the event before it.
     */
    @SqlQuery("""
            SELECT
              (SELECT count(*) FROM timeline_events t
               WHERE t.kind IN ('UPDATE_POSTED', 'STATUS_CHANGED', 'SEVERITY_CHANGED')
                 AND t.occurred_at >= :from AND t.occurred_at < :to) AS updates,
              (SELECT count(*) FROM timeline_events t
               WHERE t.kind IN ('UPDATE_POSTED', 'STATUS_CHANGED', 'SEVERITY_CHANGED')
                 AND t.occurred_at >= :from AND t.occurred_at < :to
                 AND EXISTS (SELECT 1 FROM update_reminders r
                             WHERE r.incident_id = t.incident_id AND r.reminded_at <= t.occurred_at
                               AND r.quiet_since = (SELECT max(p.occurred_at) FROM timeline_events p
                                                    WHERE p.incident_id = t.incident_id
                                                      AND p.kind IN ('DECLARED', 'UPDATE_POSTED', 'STATUS_CHANGED',
                                                                     'SEVERITY_CHANGED')
                                                      AND p.occurred_at < t.occurred_at))) AS after_reminder,
              (SELECT count(*) FROM update_reminders r WHERE r.reminded_at >= :from AND r.reminded_at < :to)
                AS reminders""")
    StatusUpdatesRow statusUpdatesBetween(@Bind("from") long from, @Bind("to") long to);

    /** Members on the roster now. */
    @SqlQuery("SELECT user_id, kind FROM duty_members WHERE left_at IS NULL ORDER BY user_id")
    List<RosterKindRow> roster();
}
