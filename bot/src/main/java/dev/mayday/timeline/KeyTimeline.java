package dev.mayday.timeline;

import dev.mayday.db.Database;

import java.util.List;
import java.util.Optional;

/** Reads an incident's key events: what happened, without the chatter and without what was deleted or unpinned. */
public final class KeyTimeline {

    private final Database database;

    public KeyTimeline(Database database) {
        this.database = database;
    }

    /** Empty when the channel is not an incident's. */
    public Optional<KeyEvents> inChannel(String channelId) {
        return database.read(store -> store.incidents().byChannel(channelId)
                .map(incident -> new KeyEvents(incident.id(), incident.title(),
                        store.timeline().keyEvents(incident.id()).stream()
                                .map(TimelineRows::toEntry).toList())));
    }

    public record KeyEvents(long incidentId, String title, List<TimelineEntry> entries) {

        public KeyEvents {
            entries = List.copyOf(entries);
        }
    }
}
