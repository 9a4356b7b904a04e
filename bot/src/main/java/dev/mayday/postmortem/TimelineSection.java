package dev.mayday.postmortem;

import dev.mayday.timeline.TimelineEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every key event in order, under a heading per local day: time, who, what. Chatter, deleted messages and unpinned
 * events are left out; a long message is shortened with a link to the original.
 */
final class TimelineSection {

    private TimelineSection() {
    }

    static void write(DraftContext c, StringBuilder out) {
        out.append("## Key timeline\n\n");
        out.append("Key events in ").append(c.times().zone().getId())
                .append(": status, severity and lead changes, updates, notes and pinned messages. Chatter and "
                        + "deleted messages are left out.\n");
        LocalDate day = null;
        int written = 0;
        for (TimelineEntry entry : c.entries()) {
            if (!entry.isKey() || entry.deleted()) {
                continue;
            }
            LocalDate date = c.times().date(entry.occurredAt());
            if (!date.equals(day)) {
                out.append("\n### ").append(c.times().day(entry.occurredAt())).append("\n\n");
                day = date;
            }
            out.append("- **").append(c.times().time(entry.occurredAt())).append("** · ")
                    .append(c.person(entry.actor())).append(" · ");
            what(c, entry, out);
            if (entry.editedAt() != null) {
                out.append(" _(edited ").append(edited(c, entry)).append(")_");
            }
            out.append('\n');
            written++;
        }
        if (written == 0) {
            out.append("\n_No key events were recorded._\n");
        }
        out.append('\n');
    }

    private static void what(DraftContext c, TimelineEntry entry, StringBuilder out) {
        switch (entry.kind()) {
            case DECLARED -> text(c, entry, out.append("Declared: "));
            case SEVERITY_CHANGED -> text(c, entry, out.append("Severity "));
            case STATUS_CHANGED -> text(c, entry, out.append("Status "));
            case LEAD_CHANGED -> out.append("Lead handed over to ").append(c.person(strip(entry.text())));
            case UPDATE_POSTED -> text(c, entry, out.append("Update: "));
            case NOTE_ADDED -> text(c, entry, out.append("Note: "));
            case RESOLVED -> {
                out.append("Resolved");
                if (entry.text() != null && !entry.text().equals("Resolved")) {
                    text(c, entry, out.append(": "));
                }
            }
            case CLOSED -> out.append("Closed");
            case PINNED -> text(c, entry, out.append("Pinned message: "));
            case MESSAGE -> text(c, entry, out.append("Message: "));
            default -> text(c, entry, out.append(label(entry.kind().name())).append(": "));
        }
    }

    /** Kinds added after this section was written read as their name: "PAGERDUTY" as "PagerDuty". */
    private static String label(String kind) {
        if (kind.equals("PAGERDUTY")) {
            return "PagerDuty";
        }
        String words = kind.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The entry's text. Text that came from a Slack message is shortened when long: the original stays one click
     * away. Notes and updates have no message to point to, so they are kept whole.
     */
    private static void text(DraftContext c, TimelineEntry entry, StringBuilder out) {
        List<SlackText.Piece> pieces = SlackText.parse(entry.text(), c.facts().names());
        if (entry.slackTs() == null || MarkdownText.visibleLength(pieces) <= MarkdownText.SHORT) {
            MarkdownText.write(out, pieces);
            return;
        }
        MarkdownText.write(out, pieces, MarkdownText.SHORT);
        Optional<String> link = c.permalink(entry.dedupeKey(), entry.slackTs());
        if (link.isPresent()) {
            MarkdownText.link(out.append(" ("), new SlackText.Link(link.get(), "full message"));
            out.append(')');
        } else {
            out.append(" (shortened; the full message is in the channel)");
        }
    }

    private static String edited(DraftContext c, TimelineEntry entry) {
        boolean sameDay = c.times().date(entry.editedAt()).equals(c.times().date(entry.occurredAt()));
        return sameDay ? c.times().time(entry.editedAt()) : c.times().dateTime(entry.editedAt());
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
