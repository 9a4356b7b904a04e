package dev.mayday.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on an incident's timeline. {@code dedupeKey} is set when a re-delivery must not store it twice;
 * {@code threadTs} is the parent message of a thread reply; a {@code deleted} entry (a deleted message, an unpinned
 * key event) is kept for the record but left out of what people are shown.
 */
public record TimelineEntry(long incidentId, Instant occurredAt, TimelineKind kind, String actor, String text,
                            boolean isKey, String slackTs, String dedupeKey, String threadTs, boolean deleted,
                            Instant editedAt) {

    public TimelineEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
    }

    public TimelineEntry(long incidentId, Instant occurredAt, TimelineKind kind, String actor, String text,
                         boolean isKey, String slackTs, String dedupeKey) {
        this(incidentId, occurredAt, kind, actor, text, isKey, slackTs, dedupeKey, null, false, null);
    }

    public static TimelineEntry key(long incidentId, Instant at, TimelineKind kind, String actor, String text) {
        return new TimelineEntry(incidentId, at, kind, actor, text, true, null, null);
    }
}
