package dev.mayday.outbox;

import dev.mayday.timeline.TimelineKind;

import java.util.OptionalLong;

/** One committed change, said in the incident's channel (and the card, topic and announcement brought up to date). */
public record ChangePosted(long incidentId, TimelineKind kind, String actor, String text) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    /** The idempotency tag of the message, named by the outbox row that carries it. */
    public String tag(long rowId) {
        return "change-" + rowId;
    }
}
