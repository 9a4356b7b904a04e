package dev.mayday.timeline;

import dev.mayday.db.timeline.TimelineRow;

import java.time.Instant;

/** Translates timeline entries to and from the store's rows. */
public final class TimelineRows {

    private TimelineRows() {
    }

    public static TimelineRow toRow(TimelineEntry entry) {
        return new TimelineRow(0, entry.incidentId(), entry.occurredAt().toEpochMilli(), entry.kind().name(),
                entry.actor(), entry.text(), entry.isKey(), entry.slackTs(), entry.dedupeKey(), entry.threadTs(),
                entry.deleted(), entry.editedAt() == null ? null : entry.editedAt().toEpochMilli());
    }

    public static TimelineEntry toEntry(TimelineRow row) {
        return new TimelineEntry(row.incidentId(), Instant.ofEpochMilli(row.occurredAt()),
                TimelineKind.valueOf(row.kind()), row.actor(), row.text(), row.isKey(), row.slackTs(), row.dedupeKey(),
                row.threadTs(), row.deleted(), row.editedAt() == null ? null : Instant.ofEpochMilli(row.editedAt()));
    }
}
