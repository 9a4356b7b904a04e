package dev.mayday.db.rotation;

/**
 * One row of {@code duty_assignments}: {@code role} is LEAD or RESPONDER, {@code credited} whether the holder's
 * ledger counted it, {@code endedAt} null while they still hold it.
 */
public record AssignmentRow(long id, long incidentId, String userId, String role, boolean credited, long assignedAt,
                            Long endedAt, String reason) {
}
