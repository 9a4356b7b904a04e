package dev.mayday.timeline;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.timeline.TimelineDao;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** Reads an incident's key events: what happened, without the chatter and without what was deleted or unpinned. */
public final class KeyTimeline {

    private final Jdbi jdbi;

    public KeyTimeline(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Empty when the channel is not an incident's. */
    public Optional<KeyEvents> inChannel(String channelId) {
        return jdbi.withHandle(handle -> handle.attach(IncidentDao.class).byChannel(channelId)
                .map(incident -> new KeyEvents(incident.id(), incident.title(),
                        handle.attach(TimelineDao.class).keyEvents(incident.id()).stream()
                                .map(TimelineRows::toEntry).toList())));
    }

    public record KeyEvents(long incidentId, String title, List<TimelineEntry> entries) {

        public KeyEvents {
            entries = List.copyOf(entries);
        }
    }
}
