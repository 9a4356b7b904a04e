package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * The hand-off offer made for the lead stint {@code stint} of incident {@code incidentId}, to be posted in its channel
 * (once per stint: queued under the stint's key). It keeps its place among what the channel shows.
 */
public record HandOffOffered(long stint, long incidentId) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    /** At most one offer per stint, whoever queues it and however often. */
    public String uniqueKey() {
        return "handoff-offer/" + stint;
    }

    /** The message's idempotency tag (the one offers carried before they went through the outbox). */
    public String tag() {
        return "handoff:" + stint;
    }
}
