package dev.mayday.timeline;

import java.time.Instant;
import java.util.Objects;

/** One event on an incident's timeline. {@code dedupeKey} is set when a re-delivery must not store it twice. */
public record TimelineEntry(long incidentId, Instant occurredAt, TimelineKind kind, String actor, String text,
                            boolean isKey, String slackTs, String dedupeKey) {

    public TimelineEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
    }

    public static TimelineEntry key(long incidentId, Instant at, TimelineKind kind, String actor, String text) {
        return new TimelineEntry(incidentId, at, kind, actor, text, true, null, null);
    }
}
