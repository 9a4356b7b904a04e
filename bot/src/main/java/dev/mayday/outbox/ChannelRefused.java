package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * Slack refused an incident's channel for a reason a person must fix, and Mayday keeps asking: said once where
 * responders will see it. Queued with {@link #uniqueKey()}, so retries and restarts of the set-up say it once.
 */
public record ChannelRefused(long incidentId, String reason) implements Publication {

    /** Not behind the incident's channel set-up in its lane: that set-up is what waits, and this says why. */
    @Override
    public Lane lane() {
        return new Lane("slack/notices/incident/" + incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    public String tag() {
        return "refused-" + incidentId;
    }

    public String uniqueKey() {
        return "channel-refused-" + incidentId;
    }
}
