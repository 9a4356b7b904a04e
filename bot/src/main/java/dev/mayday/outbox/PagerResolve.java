package dev.mayday.outbox;

import java.util.OptionalLong;

/** Resolve the PagerDuty incident an incident mirrors (it was resolved in Slack). */
public record PagerResolve(long incidentId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
