package dev.mayday.db.outbox;

/** The outbox rows of one lane in one state ({@code PENDING} or {@code FAILED}): how many, and when the oldest was queued. */
public record LaneBacklog(String lane, String state, int rows, long oldestCreatedAt) {
}
