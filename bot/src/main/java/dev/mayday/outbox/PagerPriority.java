package dev.mayday.outbox;

import java.util.OptionalLong;

/** Set the priority of the PagerDuty incident an incident mirrors to the one its new severity maps to. */
public record PagerPriority(long incidentId, String severity) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
