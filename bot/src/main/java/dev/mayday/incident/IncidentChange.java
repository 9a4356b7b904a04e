package dev.mayday.incident;

import dev.mayday.timeline.TimelineEntry;

/** A committed change: the incident before and after, and the timeline entry that records it. */
public record IncidentChange(Incident before, Incident after, TimelineEntry entry) {
}
