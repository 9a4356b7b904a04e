package dev.mayday.db.rotation;

/**
 * One row of {@code handoff_offers}: the hand-off offered to {@code lead} for the stint {@code assignmentId}.
 * {@code messageTs} is null until the offer is in Slack (its post is an outbox row, queued with this one).
 */
public record HandoffOfferRow(long assignmentId, long incidentId, String lead, String nextLead, long offeredAt,
                              String messageTs) {
}
