package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * A line for the people in an incident's channel about Mayday's own work (PagerDuty did not take a change). Nothing is
 * said when the incident has no channel.
 */
public record IncidentNotice(long incidentId, String text) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    /** The idempotency tag of the line, named by the outbox row that carries it. */
    public String tag(long rowId) {
        return "notice-" + rowId;
    }
}
