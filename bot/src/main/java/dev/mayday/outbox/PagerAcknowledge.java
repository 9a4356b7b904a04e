package dev.mayday.outbox;

import java.util.OptionalLong;

/** Acknowledge the PagerDuty incidents linked to an incident (its lead acted in Slack), so PagerDuty stops escalating. */
public record PagerAcknowledge(long incidentId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
