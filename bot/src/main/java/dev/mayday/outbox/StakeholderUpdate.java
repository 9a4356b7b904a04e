package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * A public incident's status update, for the people following it in {@code INCIDENTS_CHANNEL}: posted as a reply in
 * the thread of the incident's announcement, which then shows it as the latest update. A private incident's updates
 * are never queued as one.
 */
public record StakeholderUpdate(long incidentId, String text, long postedAt) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    /** The reply's idempotency tag, named by the outbox row that carries it. */
    public String tag(long rowId) {
        return "stakeholder-" + rowId;
    }
}
