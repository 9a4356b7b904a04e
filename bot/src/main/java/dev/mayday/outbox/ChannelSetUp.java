package dev.mayday.outbox;

import java.util.OptionalLong;

/** A new incident: its channel made, topic set, people invited, its card posted and the incident announced. */
public record ChannelSetUp(long incidentId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    /** The idempotency tag of the incident card. */
    public String cardTag() {
        return "card-" + incidentId;
    }

    /** The idempotency tag of the announcement in {@code INCIDENTS_CHANNEL}. */
    public String announcementTag() {
        return "announcement-" + incidentId;
    }
}
