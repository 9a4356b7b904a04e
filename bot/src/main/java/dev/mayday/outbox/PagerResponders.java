package dev.mayday.outbox;

import java.util.OptionalLong;

/** Find who is on call for a PagerDuty escalation policy and invite them to the incident's channel. */
public record PagerResponders(long incidentId, String escalationPolicyId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
