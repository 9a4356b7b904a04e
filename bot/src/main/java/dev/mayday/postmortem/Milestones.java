package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.incident.Status;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When the incident reached each point, as recorded. Mitigated is the first move to monitoring on the timeline; the
 * others come from the incident itself. A missing time is empty, never estimated.
 */
public record Milestones(Instant declared, Optional<Instant> acknowledged, Optional<Instant> mitigated,
                         Optional<Instant> resolved, Optional<Instant> closed) {

    public static Milestones of(Incident incident, List<TimelineEntry> timeline) {
        return new Milestones(incident.times().declaredAt(), Optional.ofNullable(incident.times().acknowledgedAt()),
                firstMoveTo(Status.MONITORING, timeline), Optional.ofNullable(incident.times().resolvedAt()),
                Optional.ofNullable(incident.times().closedAt()));
    }

    public KeyDurations durations() {
        return new KeyDurations(since(acknowledged), since(mitigated), since(resolved), since(closed));
    }

    /** Empty when the end is missing or, impossibly, before the declaration: a wrong number is worse than none. */
    private Optional<Duration> since(Optional<Instant> end) {
        return end.filter(at -> !at.isBefore(declared)).map(at -> Duration.between(declared, at));
    }

    private static Optional<Instant> firstMoveTo(Status status, List<TimelineEntry> timeline) {
        Instant first = null;
        for (TimelineEntry entry : timeline) {
            if (entry.kind() == TimelineKind.STATUS_CHANGED && !entry.deleted()
                    && status == target(entry.text()) && (first == null || entry.occurredAt().isBefore(first))) {
                first = entry.occurredAt();
            }
        }
        return Optional.ofNullable(first);
    }

    /** A status change reads "Investigating → Monitoring"; null when the text says something else. */
    static Status target(String text) {
        if (text == null) {
            return null;
        }
        int arrow = text.lastIndexOf('→');
        String label = (arrow < 0 ? text : text.substring(arrow + 1)).strip().toUpperCase(Locale.ROOT);
        for (Status status : Status.values()) {
            if (status.name().equals(label)) {
                return status;
            }
        }
        return null;
    }
}
