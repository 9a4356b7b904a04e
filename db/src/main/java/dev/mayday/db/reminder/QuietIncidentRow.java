package dev.mayday.db.reminder;

/**
 * An open incident as the reminder timer sees it (times in epoch millis): its severity and lead, since when it has
 * been quiet (its last update, status or severity change, or its declaration), its last reminder if any, and the end
 * of its snooze if any (nullable columns are null when there is none).
 */
public record QuietIncidentRow(long incidentId, String severity, String lead, long quietSince, Integer lastNumber,
                               Long lastRemindedAt, Long snoozedUntil) {
}
