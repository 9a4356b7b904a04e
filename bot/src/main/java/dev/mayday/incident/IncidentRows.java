package dev.mayday.incident;

import dev.mayday.db.incident.IncidentRow;

import java.time.Instant;

/** Translates between the store's rows (strings, epoch millis) and the domain's incident, one group at a time. */
final class IncidentRows {

    private IncidentRows() {
    }

    static Incident toIncident(IncidentRow row) {
        IncidentRow.People people = row.people();
        IncidentRow.Times times = row.times();
        IncidentRow.Place place = row.place();
        return new Incident(row.id(), row.title(), row.summary(), Severity.valueOf(row.severity()),
                Status.valueOf(row.status()), row.isPrivate(), row.practice(),
                new IncidentPeople(people.declaredBy(), people.lead(), people.responder(), people.leadReason()),
                new IncidentTimes(Instant.ofEpochMilli(times.declaredAt()), instant(times.acknowledgedAt()),
                        instant(times.resolvedAt()), instant(times.closedAt())),
                row.resolution(),
                new IncidentPlace(place.originChannel(), place.channelId(), place.channelName(), place.cardTs(),
                        place.announcementTs()));
    }

    static IncidentRow toRow(Incident incident, String originKey, Instant updatedAt) {
        IncidentPeople people = incident.people();
        IncidentTimes times = incident.times();
        IncidentPlace place = incident.place();
        return new IncidentRow(incident.id(), incident.title(), incident.summary(), incident.severity().name(),
                incident.status().name(), incident.isPrivate(), incident.isPractice(),
                new IncidentRow.People(people.declaredBy(), people.lead(), people.responder(), people.leadReason()),
                new IncidentRow.Times(times.declaredAt().toEpochMilli(), millis(times.acknowledgedAt()),
                        millis(times.resolvedAt()), millis(times.closedAt())),
                incident.resolution(), originKey,
                new IncidentRow.Place(place.originChannel(), place.channelId(), place.channelName(), place.cardTs(),
                        place.announcementTs()),
                updatedAt.toEpochMilli());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
