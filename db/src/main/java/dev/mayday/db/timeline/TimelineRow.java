package dev.mayday.db.timeline;

/** One row of {@code timeline_events}. */
public record TimelineRow(
        long id,
        long incidentId,
        long occurredAt,
        String kind,
        String actor,
        String text,
        boolean isKey,
        String slackTs,
        String dedupeKey) {
}
