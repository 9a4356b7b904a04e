package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;
import dev.mayday.timeline.KeyTimeline.KeyEvents;
import dev.mayday.timeline.KeyTimeline;
import dev.mayday.timeline.TimelineEntry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to {@code /incident timeline}: the incident's key events, oldest first, one line each, in the team's
 * time zone. A line shows the date only when it differs from the line above.
 */
public final class TimelineReply {

    /** Slack cuts longer message text; the oldest lines give way first. */
    public static final int MAX_CHARS = 3_500;
    private static final int MAX_LINE_TEXT = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final KeyTimeline timeline;
    private final ZoneId zone;

    public TimelineReply(KeyTimeline timeline, ZoneId zone) {
        this.timeline = timeline;
        this.zone = zone;
    }

    public String forChannel(String channelId) {
        KeyEvents events = timeline.inChannel(channelId).orElseThrow(() -> new IncidentRuleViolation(
                "This is not an incident channel. Run `/incident timeline` in the incident's own channel, "
                        + "or declare one with `/incident declare [sev1-4] <title>`."));
        String header = "*Key events of incident #" + events.incidentId() + ": " + UserText.inChannel(events.title()) + "* (times in "
                + zone.getId() + ")";
        List<TimelineEntry> shown = events.entries();
        List<String> lines = lines(shown);
        while (shown.size() > 1 && length(header, lines) > MAX_CHARS) {
            shown = shown.subList(1, shown.size());
            lines = lines(shown);
        }
        StringBuilder text = new StringBuilder(header);
        int omitted = events.entries().size() - shown.size();
        if (omitted > 0) {
            text.append("\n_… ").append(omitted).append(" earlier key events not shown_");
        }
        lines.forEach(line -> text.append('\n').append(line));
        return text.toString();
    }

    private List<String> lines(List<TimelineEntry> entries) {
        List<String> lines = new ArrayList<>();
        LocalDate previous = null;
        for (TimelineEntry entry : entries) {
            ZonedDateTime at = entry.occurredAt().atZone(zone);
            String when = at.toLocalDate().equals(previous) ? TIME.format(at) : DATE.format(at) + " " + TIME.format(at);
            previous = at.toLocalDate();
            String who = entry.actor() == null ? "" : Mentions.of(entry.actor()) + " ";
            lines.add("`" + when + "` " + who + what(entry));
        }
        return lines;
    }

    private static String what(TimelineEntry entry) {
        // cut before writing, so the cut never splits an entity or a mention Mayday wrote
        String text = UserText.inChannel(oneLine(entry.text()));
        return switch (entry.kind()) {
            case DECLARED -> "declared " + text;
            case SEVERITY_CHANGED -> "changed the severity: " + text;
            case STATUS_CHANGED -> "moved the status: " + text;
            case LEAD_CHANGED -> "handed the lead to " + Mentions.of(entry.text());
            case UPDATE_POSTED -> "posted an update: " + text;
            case NOTE_ADDED -> "noted: " + text;
            case RESOLVED -> "resolved the incident" + ("Resolved".equals(entry.text()) ? "" : ": " + text);
            case CLOSED -> "closed the incident";
            case PINNED -> ":pushpin: " + text;
            case PAGERDUTY, MESSAGE -> text;
        };
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " / ");
        return flat.length() > MAX_LINE_TEXT ? flat.substring(0, MAX_LINE_TEXT) + "…" : flat;
    }

    private static int length(String header, List<String> lines) {
        int total = header.length() + 60;
        for (String line : lines) {
            total += line.length() + 1;
        }
        return total;
    }
}
