package dev.mayday.timeline;

import dev.mayday.db.Database;

import java.util.Optional;

/** The latest status update posted for an incident: what its announcement shows stakeholders. */
public final class LatestUpdates {

    private final Database database;

    public LatestUpdates(Database database) {
        this.database = database;
    }

    public Optional<TimelineEntry> of(long incidentId) {
        return database.read(store -> store.timeline().latestKeyEvent(incidentId, TimelineKind.UPDATE_POSTED.name()))
                .map(TimelineRows::toEntry);
    }
}
