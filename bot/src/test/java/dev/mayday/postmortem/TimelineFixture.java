package dev.mayday.postmortem;

import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds an incident's timeline in local time, the way people remember it. */
final class TimelineFixture {

    static final Permalinks EXAMPLE_LINKS = (channel, ts) ->
            Optional.of("https://example.slack.com/archives/" + channel + "/p" + ts.replace(".", ""));

    private final long incidentId;
    private final ZoneId zone;
    private final String channel;
    private final List<TimelineEntry> entries = new ArrayList<>();

    TimelineFixture(long incidentId, ZoneId zone, String channel) {
        this.incidentId = incidentId;
        this.zone = zone;
        this.channel = channel;
    }

    /** A local time such as "2026-03-29T01:30"; for the hour a DST switch repeats, the earlier one. */
    Instant at(String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    TimelineFixture key(String local, TimelineKind kind, String actor, String text) {
        entries.add(TimelineEntry.key(incidentId, at(local), kind, actor, text));
        return this;
    }

    TimelineFixture message(String local, String author, String text) {
        return message(local, author, text, false, null);
    }

    TimelineFixture message(String local, String author, String text, boolean deleted, String editedLocal) {
        Instant at = at(local);
        String ts = ts(at);
        entries.add(new TimelineEntry(incidentId, at, TimelineKind.MESSAGE, author, text, false, ts,
                "msg:" + channel + ":" + ts, null, deleted, editedLocal == null ? null : at(editedLocal)));
        return this;
    }

    /** A message that someone pinned: captured as chatter and as a key event under the same ts. */
    TimelineFixture pinnedMessage(String local, String author, String text) {
        return pinnedMessage(local, author, text, null);
    }

    /** Edited at {@code editedLocal} (null: never): the capture updates the message and its key event together. */
    TimelineFixture pinnedMessage(String local, String author, String text, String editedLocal) {
        message(local, author, text, false, editedLocal);
        Instant at = at(local);
        String ts = ts(at);
        entries.add(new TimelineEntry(incidentId, at, TimelineKind.PINNED, author, text, true, ts,
                "pin:" + channel + ":" + ts, null, false, editedLocal == null ? null : at(editedLocal)));
        return this;
    }

    List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    static String ts(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }
}
