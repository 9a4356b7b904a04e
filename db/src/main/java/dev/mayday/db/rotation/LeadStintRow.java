package dev.mayday.db.rotation;

/**
 * A lead's current stint on an open incident: their {@code duty_assignments} row, since when they hold it (epoch
 * millis), and the incident's channel.
 */
public record LeadStintRow(long assignmentId, long incidentId, String lead, long assignedAt, String channelId) {
}
