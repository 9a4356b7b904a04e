package dev.mayday.db.rotation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** The duty roster, its absences, the record of who changed it, and the assignments ledger. */
@RegisterConstructorMapper(MemberRow.class)
@RegisterConstructorMapper(AbsenceRow.class)
@RegisterConstructorMapper(AssignmentRow.class)
@RegisterConstructorMapper(RosterChangeRow.class)
public interface RosterDao {

    /** Every member ever, those who left included (their ledger is kept for a rejoin). */
    @SqlQuery("SELECT * FROM duty_members ORDER BY user_id")
    List<MemberRow> members();

    @SqlQuery("SELECT * FROM duty_members WHERE user_id = :userId")
    Optional<MemberRow> member(@Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO duty_members (user_id, kind, joined_at, left_at, lead_share, leads, last_lead_seq,
                                      responder_share, responder_turns, last_responder_seq)
            VALUES (:userId, :kind, :joinedAt, :leftAt, :leadShare, :leads, :lastLeadSeq,
                    :responderShare, :responderTurns, :lastResponderSeq)
            ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind, joined_at = excluded.joined_at,
                left_at = excluded.left_at, lead_share = excluded.lead_share, leads = excluded.leads,
                last_lead_seq = excluded.last_lead_seq, responder_share = excluded.responder_share,
                responder_turns = excluded.responder_turns, last_responder_seq = excluded.last_responder_seq""")
    int save(@BindMethods MemberRow row);

    /** Absences not over at {@code at}: the current ones and those still to come. */
    @SqlQuery("SELECT * FROM duty_absences WHERE ends_at > :at ORDER BY starts_at, id")
    List<AbsenceRow> absencesEndingAfter(@Bind("at") long at);

    @SqlUpdate("INSERT INTO duty_absences (user_id, starts_at, ends_at) VALUES (:userId, :startsAt, :endsAt)")
    @GetGeneratedKeys("id")
    long insertAbsence(@Bind("userId") String userId, @Bind("startsAt") long startsAt, @Bind("endsAt") long endsAt);

    /** Ends {@code userId}'s absence that is under way at {@code at}; returns how many it cut short. */
    @SqlUpdate("UPDATE duty_absences SET ends_at = :at WHERE user_id = :userId AND starts_at < :at AND ends_at > :at")
    int cutAbsencesShort(@Bind("userId") String userId, @Bind("at") long at);

    /** Drops {@code userId}'s absences that have not started at {@code at}; returns how many. */
    @SqlUpdate("DELETE FROM duty_absences WHERE user_id = :userId AND starts_at >= :at")
    int dropFutureAbsences(@Bind("userId") String userId, @Bind("at") long at);

    /** A number larger than every assignment's so far: orders "least recently assigned" even within one millisecond. */
    @SqlQuery("SELECT coalesce(max(id), 0) + 1 FROM duty_assignments")
    long nextSequence();

    @SqlUpdate("""
            INSERT INTO duty_assignments (incident_id, user_id, role, credited, assigned_at, ended_at, reason)
            VALUES (:incidentId, :userId, :role, :credited, :assignedAt, :endedAt, :reason)""")
    @GetGeneratedKeys("id")
    long insertAssignment(@BindMethods AssignmentRow row);

    @SqlQuery("""
            SELECT * FROM duty_assignments WHERE incident_id = :incidentId AND role = :role AND ended_at IS NULL
            ORDER BY id DESC LIMIT 1""")
    Optional<AssignmentRow> currentAssignment(@Bind("incidentId") long incidentId, @Bind("role") String role);

    @SqlUpdate("UPDATE duty_assignments SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
    int endAssignment(@Bind("id") long id, @Bind("at") long at);

    @SqlQuery("SELECT * FROM duty_assignments WHERE incident_id = :incidentId ORDER BY id")
    List<AssignmentRow> forIncident(@Bind("incidentId") long incidentId);

    /** The current leads of the last {@code limit} incidents before {@code beforeId}, newest first. */
    @SqlQuery("SELECT lead FROM incidents WHERE id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<String> recentLeads(@Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** The leads of incidents not yet resolved or closed, other than {@code exceptId} (one entry per incident). */
    @SqlQuery("SELECT lead FROM incidents WHERE id <> :exceptId AND status NOT IN ('RESOLVED', 'CLOSED')")
    List<String> openIncidentLeads(@Bind("exceptId") long exceptId);

    /** The paired responders of incidents not yet resolved or closed, other than {@code exceptId}. */
    @SqlQuery("""
            SELECT responder FROM incidents
            WHERE id <> :exceptId AND responder IS NOT NULL AND status NOT IN ('RESOLVED', 'CLOSED')""")
    List<String> openIncidentResponders(@Bind("exceptId") long exceptId);

    /** Records one roster change; returns its id. */
    @SqlUpdate("""
            INSERT INTO duty_roster_changes (changed_at, actor, target, action, kind, first_day, last_day)
            VALUES (:changedAt, :actor, :target, :action, :kind, :firstDay, :lastDay)""")
    @GetGeneratedKeys("id")
    long recordChange(@Bind("changedAt") long changedAt, @Bind("actor") String actor, @Bind("target") String target,
                      @Bind("action") String action, @Bind("kind") String kind, @Bind("firstDay") String firstDay,
                      @Bind("lastDay") String lastDay);

    /** The last {@code limit} roster changes, newest first. */
    @SqlQuery("SELECT * FROM duty_roster_changes ORDER BY id DESC LIMIT :limit")
    List<RosterChangeRow> recentChanges(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM duty_roster_changes WHERE id = :id")
    Optional<RosterChangeRow> change(@Bind("id") long id);
}
