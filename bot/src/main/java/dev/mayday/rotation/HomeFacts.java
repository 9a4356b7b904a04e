package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one person's App Home shows: their place on the duty roster (empty when they are not on it) and the open
 * incidents they may see (a private incident only to its declarer, lead and responder).
 */
public record HomeFacts(String userId, Optional<DutyStanding.Row> duty, List<Incident> openIncidents, Instant at) {

    /** More would not fit a Home view's block limit; the newest come first. */
    public static final int MAX_INCIDENTS = 30;

    public HomeFacts {
        openIncidents = List.copyOf(openIncidents);
    }

    /** Reads a person's facts from the store. */
    public static final class Source {

        private final Database database;
        private final IncidentDirectory directory;
        private final DutyService duty;

        public Source(Database database, IncidentDirectory directory, DutyService duty) {
            this.database = database;
            this.directory = directory;
            this.duty = duty;
        }

        public HomeFacts of(String userId) {
            DutyStanding standing = duty.standing();
            List<Incident> open = database.read(store -> store.openIncidents().openIncidentIds(MAX_INCIDENTS)).stream()
                    .map(directory::byId).flatMap(Optional::stream)
                    .filter(incident -> !incident.isPrivate() || involves(incident, userId))
                    .toList();
            return new HomeFacts(userId, standing.row(userId), open, standing.at());
        }

        private static boolean involves(Incident incident, String userId) {
            return userId.equals(incident.people().declaredBy()) || userId.equals(incident.lead())
                    || Objects.equals(userId, incident.people().responder());
        }
    }
}
