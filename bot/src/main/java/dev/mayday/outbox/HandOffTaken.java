package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * The hand-off offer of lead stint {@code stint} was taken up by {@code by}: its message in the incident's channel says
 * so. In the channel's lane, so it follows the offer's own post and the lead change it caused.
 */
public record HandOffTaken(long stint, long incidentId, String by) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }
}
