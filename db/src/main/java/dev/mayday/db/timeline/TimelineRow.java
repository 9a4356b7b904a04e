package dev.mayday.db.timeline;

/**
 * One row of {@code timeline_events}; times are epoch milliseconds. {@code threadTs} is the parent's ts for a thread
 * reply, {@code deleted} marks a deleted message or an unpinned key event, {@code editedAt} the last edit applied.
 */
public record TimelineRow(
        long id,
        long incidentId,
        long occurredAt,
        String kind,
        String actor,
        String text,
        boolean isKey,
        String slackTs,
        String dedupeKey,
        String threadTs,
        boolean deleted,
        Long editedAt) {

    /** A live row that is not a thread reply and was never edited: what every key event starts as. */
    public TimelineRow(long id, long incidentId, long occurredAt, String kind, String actor, String text,
                       boolean isKey, String slackTs, String dedupeKey) {
        this(id, incidentId, occurredAt, kind, actor, text, isKey, slackTs, dedupeKey, null, false, null);
    }
}
