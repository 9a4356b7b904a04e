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

    /** The PagerDuty incident this one mirrors, if it is linked to one. */
    public Optional<String> pagerIdOf(long incidentId) {
        return database.read(store -> store.pagerDuty().pagerIdOf(incidentId));
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return database.read(store -> store.timeline().forIncident(incidentId).stream()
                .map(TimelineRows::toEntry).toList());
    }

    /**
     * Records the incident's channel; false, and nothing written, when another incident owns that channel already (a
     * channel serves one incident: its card, its members, its privacy). Checked here rather than left to the UNIQUE
     * index, whose violation would only say "constraint failed".
     */
    public boolean attachChannel(long incidentId, String channelId, String channelName) {
        return database.inTransaction(store -> {
            boolean ownedByAnother = store.incidents().byChannel(channelId).filter(row -> row.id() != incidentId).isPresent();
            return !ownedByAnother && store.incidents().attachChannel(incidentId, channelId, channelName) == 1;
        });
    }

    public void recordCard(long incidentId, String ts) {
        database.inTransaction(store -> store.incidents().setCardTs(incidentId, ts));
    }

    public void recordAnnouncement(long incidentId, String ts) {
        database.inTransaction(store -> store.incidents().setAnnouncementTs(incidentId, ts));
    }
}
