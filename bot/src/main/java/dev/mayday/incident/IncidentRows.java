package dev.mayday.incident;

import dev.mayday.db.incident.IncidentRow;

import java.time.Instant;

/** Translates between the store's rows (strings, epoch millis) and the domain's incident. */
final class IncidentRows {

    private IncidentRows() {
    }

    static Incident toIncident(IncidentRow row) {
        return new Incident(row.id(), row.title(), row.summary(), Severity.valueOf(row.severity()),
                Status.valueOf(row.status()), row.isPrivate(), row.declaredBy(), row.lead(),
                Instant.ofEpochMilli(row.declaredAt()), instant(row.acknowledgedAt()), instant(row.resolvedAt()),
                instant(row.closedAt()), row.resolution(), row.originChannel(), row.channelId(), row.channelName(),
                row.cardTs(), row.announcementTs(), row.responder(), row.leadReason());
    }

    static IncidentRow toRow(Incident incident, String originKey, Instant updatedAt) {
        return new IncidentRow(incident.id(), incident.title(), incident.summary(), incident.severity().name(),
                incident.status().name(), incident.isPrivate(), incident.declaredBy(), incident.lead(),
                incident.declaredAt().toEpochMilli(), millis(incident.acknowledgedAt()), millis(incident.resolvedAt()),
                millis(incident.closedAt()), incident.resolution(), originKey, incident.originChannel(),
                incident.channelId(), incident.channelName(), incident.cardTs(), incident.announcementTs(),
                updatedAt.toEpochMilli(), incident.responder(), incident.leadReason());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
