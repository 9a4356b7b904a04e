package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.timeline.TimelineEntry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a draft is written from. {@code timeline} is the full timeline, chatter and deleted entries included
 * (the draft decides what to leave out); {@code firstLead} is who led the incident when it was declared (later leads
 * come from the LEAD_CHANGED entries); {@code version} is the draft's number among the incident's drafts;
 * {@code updateReminders} how many times its lead was reminded that it had gone quiet.
 */
public record PostmortemFacts(Incident incident, String firstLead, List<TimelineEntry> timeline,
                              List<ActionItem> actionItems, List<Learning> learnings, ZoneId zone,
                              Permalinks permalinks, PersonNames names, Instant generatedAt, int version,
                              int updateReminders) {

    public PostmortemFacts {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(generatedAt, "generatedAt");
        firstLead = firstLead == null ? incident.lead() : firstLead;
        timeline = List.copyOf(timeline);
        actionItems = List.copyOf(actionItems);
        learnings = List.copyOf(learnings);
        permalinks = permalinks == null ? Permalinks.none() : permalinks;
        names = names == null ? PersonNames.userIds() : names;
        if (version < 1) {
            throw new IllegalArgumentException("draft versions start at 1: " + version);
        }
    }
}
