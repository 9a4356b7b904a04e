package dev.mayday.outbox;

import java.util.Objects;

/**
 * Which rows keep their order: the engine delivers the rows of one lane one at a time, oldest first, while rows of other
 * lanes go on beside them. Each publication type says its lane; nothing else decides it.
 */
public record Lane(String name) {

    public Lane {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a lane needs a name");
        }
    }

    /** What an incident's channel shows, in the order it happened. */
    public static Lane slack(long incidentId) {
        return new Lane("slack/incident/" + incidentId);
    }

    /** An incident's PagerDuty work: apart from Slack's, so PagerDuty being out never holds up what Slack shows. */
    public static Lane pagerDuty(long incidentId) {
        return new Lane("pagerduty/incident/" + incidentId);
    }
}
