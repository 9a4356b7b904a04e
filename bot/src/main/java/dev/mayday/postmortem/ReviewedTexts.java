package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What people wrote, in the order it appears in the draft: the title and summary, the messages, notes, updates and
 * resolution on the timeline (deleted ones left out; a pinned message only when its message was not captured), then
 * the action items and learnings. {@code candidates} are the texts that may blame, as plain text; the others
 * (nearly all of a long incident) are only counted, never converted.
 */
record ReviewedTexts(List<CapturedText> candidates, int total) {

    static ReviewedTexts of(DraftContext context, BlamelessReview review) {
        Collector texts = new Collector(review, context.facts().names());
        Incident incident = context.incident();
        texts.add(incident.people().declaredBy(), "title", incident.times().declaredAt(), null, incident.title());
        if (incident.summary() != null) {
            texts.add(incident.people().declaredBy(), "summary", incident.times().declaredAt(), null, incident.summary());
        }
        Set<String> messages = new HashSet<>();
        for (TimelineEntry entry : context.entries()) {
            if (entry.kind() == TimelineKind.MESSAGE && entry.slackTs() != null) {
                messages.add(entry.slackTs());
            }
        }
        for (TimelineEntry entry : context.entries()) {
            String source = source(entry, messages);
            if (source != null && !entry.deleted() && entry.text() != null) {
                texts.add(entry.actor(), source, entry.occurredAt(), entry.slackTs(), entry.text());
            }
        }
        for (ActionItem item : context.facts().actionItems()) {
            texts.add(item.createdBy(), "action item", item.createdAt(), null, item.text());
        }
        for (Learning learning : context.facts().learnings()) {
            texts.add(learning.author(), "learning", learning.createdAt(), null, learning.text());
        }
        return new ReviewedTexts(List.copyOf(texts.candidates), texts.total);
    }

    private static String source(TimelineEntry entry, Set<String> messages) {
        return switch (entry.kind()) {
            case MESSAGE -> "message";
            case NOTE_ADDED -> "note";
            case UPDATE_POSTED -> "update";
            case RESOLVED -> "Resolved".equals(entry.text()) ? null : "resolution";
            case PINNED -> messages.contains(entry.slackTs()) ? null : "pinned message";
            default -> null;
        };
    }

    private static final class Collector {
        private final BlamelessReview review;
        private final PersonNames names;
        private final List<CapturedText> candidates = new ArrayList<>();
        private int total;

        Collector(BlamelessReview review, PersonNames names) {
            this.review = review;
            this.names = names;
        }

        void add(String author, String source, Instant at, String slackTs, String raw) {
            total++;
            // a text without an anchor word cannot blame: skip converting it (most of a long timeline)
            if (review.mayBlame(raw)) {
                candidates.add(new CapturedText(author, source, at, slackTs, SlackText.plain(raw, names)));
            }
        }
    }
}
