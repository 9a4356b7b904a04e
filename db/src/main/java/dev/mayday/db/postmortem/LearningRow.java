package dev.mayday.db.postmortem;

/** One row of {@code learnings}; {@code createdAt} is epoch milliseconds, {@code author} a Slack user id. */
public record LearningRow(long id, long incidentId, String text, String author, long createdAt) {
}
