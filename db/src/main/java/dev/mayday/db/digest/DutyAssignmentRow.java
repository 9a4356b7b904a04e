package dev.mayday.db.digest;

/**
 * One entry of the duty assignments ledger with the holder's kind (ENGINEER or MANAGER; null when they were never on
 * the roster); {@code role} is LEAD or RESPONDER and {@code assignedAt} epoch milliseconds.
 */
public record DutyAssignmentRow(long incidentId, String userId, String role, String kind, long assignedAt) {
}
