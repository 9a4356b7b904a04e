package dev.mayday.db.rotation;

/**
 * One row of {@code handoff_offers}: the hand-off offered to {@code lead} for the stint {@code assignmentId}.
 * {@code messageTs} is null until the offer is in Slack; {@code failure} is set when Slack refused it for good.
 */
public record HandoffOfferRow(long assignmentId, long incidentId, String lead, String nextLead, long offeredAt,
                              String messageTs, int attempts, String failure) {
}
