package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The facts and what every section derives from them: local times, milestones, the ordered timeline, the leads. */
record DraftContext(PostmortemFacts facts, LocalTimes times, Milestones milestones, List<TimelineEntry> entries,
                    List<LeadTerm> leads) {

    static DraftContext of(PostmortemFacts facts) {
        List<TimelineEntry> entries = new ArrayList<>(facts.timeline());
        // stable: entries of the same instant keep the store's order
        entries.sort(Comparator.comparing(TimelineEntry::occurredAt));
        return new DraftContext(facts, new LocalTimes(facts.zone()), Milestones.of(facts.incident(), entries),
                List.copyOf(entries), leads(facts, entries));
    }

    Incident incident() {
        return facts.incident();
    }

    /** A person as the draft names them, escaped for Markdown. */
    String person(String userId) {
        return userId == null || userId.isBlank() ? "(not recorded)" : MarkdownText.escape(facts.names().name(userId));
    }

    /** The link to the message an entry came from, when the caller can make one. */
    Optional<String> permalink(String dedupeKey, String slackTs) {
        if (slackTs == null) {
            return Optional.empty();
        }
        String channel = incident().place().channelId();
        if (dedupeKey != null && (dedupeKey.startsWith("pin:") || dedupeKey.startsWith("msg:"))
                && dedupeKey.lastIndexOf(':') > 4) {
            channel = dedupeKey.substring(4, dedupeKey.lastIndexOf(':'));
        }
        return channel == null ? Optional.empty() : facts.permalinks().link(channel, slackTs);
    }

    private static List<LeadTerm> leads(PostmortemFacts facts, List<TimelineEntry> entries) {
        List<LeadTerm> terms = new ArrayList<>();
        String lead = facts.firstLead();
        var from = facts.incident().times().declaredAt();
        for (TimelineEntry entry : entries) {
            if (entry.kind() == TimelineKind.LEAD_CHANGED && !entry.deleted() && entry.text() != null) {
                terms.add(new LeadTerm(lead, from, entry.occurredAt()));
                lead = entry.text().strip();
                from = entry.occurredAt();
            }
        }
        terms.add(new LeadTerm(lead, from, null));
        return List.copyOf(terms);
    }
}
