package dev.mayday.outbox;

import java.util.OptionalLong;

/** Add a note made in Slack to the PagerDuty incident an incident mirrors. */
public record PagerNote(long incidentId, String author, String text) implements Publication {

    @Override
    public Lane lane() {
        return Lane.pagerDuty(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
