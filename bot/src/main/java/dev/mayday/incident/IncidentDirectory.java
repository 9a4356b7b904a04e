package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineRows;

import java.util.List;
import java.util.Optional;

/**
 * Looks incidents up, and records where Slack placed their channel, card and announcement. This is bookkeeping,
 * not history: it never touches the timeline or the incident's state.
 */
public final class IncidentDirectory {

    private final Database database;

    public IncidentDirectory(Database database) {
        this.database = database;
    }

    public Optional<Incident> byId(long id) {
        return database.read(store -> store.incidents().byId(id).map(IncidentRows::toIncident));
    }

    public Optional<Incident> byChannel(String channelId) {
        return database.read(store -> store.incidents().byChannel(channelId).map(IncidentRows::toIncident));
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return database.read(store -> store.timeline().forIncident(incidentId).stream()
                .map(TimelineRows::toEntry).toList());
    }

    public void attachChannel(long incidentId, String channelId, String channelName) {
        database.inTransaction(store -> store.incidents().attachChannel(incidentId, channelId, channelName));
    }

    public void recordCard(long incidentId, String ts) {
        database.inTransaction(store -> store.incidents().setCardTs(incidentId, ts));
    }

    public void recordAnnouncement(long incidentId, String ts) {
        database.inTransaction(store -> store.incidents().setAnnouncementTs(incidentId, ts));
    }
}
