package dev.mayday.outbox;

import java.util.OptionalLong;

/** Reassign the PagerDuty incident an incident mirrors to the new lead's PagerDuty user (the lead was handed off). */
public record PagerReassign(long incidentId, String newLead) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
