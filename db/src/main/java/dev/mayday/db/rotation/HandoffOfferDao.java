package dev.mayday.db.rotation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Hand-off offers to long-serving leads, one per lead stint, and the stints due for one. */
@RegisterConstructorMapper(LeadStintRow.class)
@RegisterConstructorMapper(HandoffOfferRow.class)
public interface HandoffOfferDao {

    /**
     * Current leads of open incidents (with a channel) who have held the lead since before {@code cutoff} and were
     * not offered a hand-off in this stint yet, longest-serving first.
     */
    @SqlQuery("""
            SELECT a.id AS assignment_id, a.incident_id, a.user_id AS lead, a.assigned_at, i.channel_id
            FROM duty_assignments a JOIN incidents i ON i.id = a.incident_id
            WHERE a.role = 'LEAD' AND a.ended_at IS NULL AND a.assigned_at < :cutoff AND a.user_id = i.lead
              AND i.status NOT IN ('RESOLVED', 'CLOSED') AND i.channel_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM handoff_offers o WHERE o.assignment_id = a.id)
            ORDER BY a.assigned_at, a.id LIMIT :limit""")
    List<LeadStintRow> stintsDue(@Bind("cutoff") long cutoff, @Bind("limit") int limit);

    /**
     * Records the offer unless this stint already has one or has ended meanwhile; returns 1 when this call recorded
     * it.
     */
    @SqlUpdate("""
            INSERT INTO handoff_offers (assignment_id, incident_id, lead, next_lead, offered_at)
            SELECT :assignmentId, :incidentId, :lead, :nextLead, :offeredAt
            WHERE EXISTS (SELECT 1 FROM duty_assignments WHERE id = :assignmentId AND ended_at IS NULL)
            ON CONFLICT (assignment_id) DO NOTHING""")
    int offer(@Bind("assignmentId") long assignmentId, @Bind("incidentId") long incidentId, @Bind("lead") String lead,
              @Bind("nextLead") String nextLead, @Bind("offeredAt") long offeredAt);

    @SqlQuery("SELECT * FROM handoff_offers WHERE assignment_id = :assignmentId")
    Optional<HandoffOfferRow> byStint(@Bind("assignmentId") long assignmentId);

    @SqlUpdate("UPDATE handoff_offers SET message_ts = :ts WHERE assignment_id = :assignmentId")
    int posted(@Bind("assignmentId") long assignmentId, @Bind("ts") String ts);
}
