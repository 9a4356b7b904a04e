package dev.mayday.outbox;

import java.util.OptionalLong;

/** A new version of the post-mortem draft, put in the incident's channel (at close, or on request). */
public record PostmortemRequested(long incidentId, String requestedBy) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
