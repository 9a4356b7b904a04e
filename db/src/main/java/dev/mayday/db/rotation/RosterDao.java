package dev.mayday.db.rotation;

import dev.mayday.db.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The duty roster, its absences, the record of who changed it, and the assignments ledger. Plain statements over
 * {@link Sql}: every declaration's rotation pick reads the roster, the absences and the open incidents' people, and
 * through SqlObjects each of those reads cost several times the statement (issue 13).
 */
public final class RosterDao {

    private static final String SAVE = """
            INSERT INTO duty_members (user_id, kind, joined_at, left_at, lead_share, leads, last_lead_seq,
                                      responder_share, responder_turns, last_responder_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind, joined_at = excluded.joined_at,
                left_at = excluded.left_at, lead_share = excluded.lead_share, leads = excluded.leads,
                last_lead_seq = excluded.last_lead_seq, responder_share = excluded.responder_share,
                responder_turns = excluded.responder_turns, last_responder_seq = excluded.last_responder_seq""";
    private static final String INSERT_ASSIGNMENT = """
            INSERT INTO duty_assignments (incident_id, user_id, role, credited, assigned_at, ended_at, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    private static final String CURRENT_ASSIGNMENT = """
            SELECT * FROM duty_assignments WHERE incident_id = ? AND role = ? AND ended_at IS NULL
            ORDER BY id DESC LIMIT 1""";
    private static final String OPEN_INCIDENT_RESPONDERS = """
            SELECT responder FROM incidents
            WHERE id <> ? AND responder IS NOT NULL AND status NOT IN ('RESOLVED', 'CLOSED')""";
    private static final String RECORD_CHANGE = """
            INSERT INTO duty_roster_changes (changed_at, actor, target, action, kind, first_day, last_day)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    private final Sql sql;

    public RosterDao(Sql sql) {
        this.sql = sql;
    }

    /** Every member ever, those who left included (their ledger is kept for a rejoin). */
    public List<MemberRow> members() {
        return sql.list("SELECT * FROM duty_members ORDER BY user_id", RosterDao::member);
    }

    public Optional<MemberRow> member(String userId) {
        return sql.first("SELECT * FROM duty_members WHERE user_id = ?", RosterDao::member, userId);
    }

    public int save(MemberRow row) {
        return sql.update(SAVE, row.userId(), row.kind(), row.joinedAt(), row.leftAt(), row.leadShare(), row.leads(),
                row.lastLeadSeq(), row.responderShare(), row.responderTurns(), row.lastResponderSeq());
    }

    /** Absences not over at {@code at}: the current ones and those still to come. */
    public List<AbsenceRow> absencesEndingAfter(long at) {
        return sql.list("SELECT * FROM duty_absences WHERE ends_at > ? ORDER BY starts_at, id", RosterDao::absence, at);
    }

    public long insertAbsence(String userId, long startsAt, long endsAt) {
        return sql.first("INSERT INTO duty_absences (user_id, starts_at, ends_at) VALUES (?, ?, ?) RETURNING id",
                RosterDao::id, userId, startsAt, endsAt).orElseThrow();
    }

    /** Ends {@code userId}'s absence that is under way at {@code at}; returns how many it cut short. */
    public int cutAbsencesShort(String userId, long at) {
        return sql.update("UPDATE duty_absences SET ends_at = ? WHERE user_id = ? AND starts_at < ? AND ends_at > ?",
                at, userId, at, at);
    }

    /** Drops {@code userId}'s absences that have not started at {@code at}; returns how many. */
    public int dropFutureAbsences(String userId, long at) {
        return sql.update("DELETE FROM duty_absences WHERE user_id = ? AND starts_at >= ?", userId, at);
    }

    /** A number larger than every assignment's so far: orders "least recently assigned" even within one millisecond. */
    public long nextSequence() {
        return sql.first("SELECT coalesce(max(id), 0) + 1 FROM duty_assignments", RosterDao::id).orElseThrow();
    }

    public long insertAssignment(AssignmentRow row) {
        return sql.first(INSERT_ASSIGNMENT, RosterDao::id, row.incidentId(), row.userId(), row.role(),
                row.credited(), row.assignedAt(), row.endedAt(), row.reason()).orElseThrow();
    }

    public Optional<AssignmentRow> currentAssignment(long incidentId, String role) {
        return sql.first(CURRENT_ASSIGNMENT, RosterDao::assignment, incidentId, role);
    }

    public int endAssignment(long id, long at) {
        return sql.update("UPDATE duty_assignments SET ended_at = ? WHERE id = ? AND ended_at IS NULL", at, id);
    }

    public List<AssignmentRow> forIncident(long incidentId) {
        return sql.list("SELECT * FROM duty_assignments WHERE incident_id = ? ORDER BY id", RosterDao::assignment,
                incidentId);
    }

    /** The current leads of the last {@code limit} incidents before {@code beforeId}, newest first. */
    public List<String> recentLeads(long beforeId, int limit) {
        return sql.list("SELECT lead FROM incidents WHERE id < ? ORDER BY id DESC LIMIT ?", RosterDao::text,
                beforeId, limit);
    }

    /** The leads of incidents not yet resolved or closed, other than {@code exceptId} (one entry per incident). */
    public List<String> openIncidentLeads(long exceptId) {
        return sql.list("SELECT lead FROM incidents WHERE id <> ? AND status NOT IN ('RESOLVED', 'CLOSED')",
                RosterDao::text, exceptId);
    }

    /** The paired responders of incidents not yet resolved or closed, other than {@code exceptId}. */
    public List<String> openIncidentResponders(long exceptId) {
        return sql.list(OPEN_INCIDENT_RESPONDERS, RosterDao::text, exceptId);
    }

    /** Records one roster change; returns its id. */
    public long recordChange(long changedAt, String actor, String target, String action, String kind, String firstDay,
                             String lastDay) {
        return sql.first(RECORD_CHANGE, RosterDao::id, changedAt, actor, target, action, kind, firstDay, lastDay)
                .orElseThrow();
    }

    /** The last {@code limit} roster changes, newest first. */
    public List<RosterChangeRow> recentChanges(int limit) {
        return sql.list("SELECT * FROM duty_roster_changes ORDER BY id DESC LIMIT ?", RosterDao::change, limit);
    }

    public Optional<RosterChangeRow> change(long id) {
        return sql.first("SELECT * FROM duty_roster_changes WHERE id = ?", RosterDao::change, id);
    }

    private static long id(ResultSet row) throws SQLException {
        return row.getLong(1);
    }

    private static String text(ResultSet row) throws SQLException {
        return row.getString(1);
    }

    private static MemberRow member(ResultSet row) throws SQLException {
        return new MemberRow(row.getString("user_id"), row.getString("kind"), row.getLong("joined_at"),
                Sql.nullableLong(row, "left_at"), row.getDouble("lead_share"), row.getInt("leads"),
                row.getLong("last_lead_seq"), row.getDouble("responder_share"), row.getInt("responder_turns"),
                row.getLong("last_responder_seq"));
    }

    private static AbsenceRow absence(ResultSet row) throws SQLException {
        return new AbsenceRow(row.getLong("id"), row.getString("user_id"), row.getLong("starts_at"),
                row.getLong("ends_at"));
    }

    private static AssignmentRow assignment(ResultSet row) throws SQLException {
        return new AssignmentRow(row.getLong("id"), row.getLong("incident_id"), row.getString("user_id"),
                row.getString("role"), row.getInt("credited") != 0, row.getLong("assigned_at"),
                Sql.nullableLong(row, "ended_at"), row.getString("reason"));
    }

    private static RosterChangeRow change(ResultSet row) throws SQLException {
        return new RosterChangeRow(row.getLong("id"), row.getLong("changed_at"), row.getString("actor"),
                row.getString("target"), row.getString("action"), row.getString("kind"), row.getString("first_day"),
                row.getString("last_day"));
    }
}
