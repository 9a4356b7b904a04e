package dev.mayday.db.postmortem;

/** The Slack file and summary message showing an incident's current post-mortem draft. */
public record PostmortemPostRow(long incidentId, String fileId, String summaryTs, int version) {
}
