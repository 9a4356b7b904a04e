package dev.mayday.outbox;

import java.util.Objects;

/**
 * Which rows keep their order: the engine delivers the rows of one lane one at a time, oldest first, while rows of other
 * lanes go on beside them. Each publication type says its lane; nothing else decides it. A name reads
 * {@code <service>/<kind>[/<ids>…]}: the first two segments say what kind of lane it is (see {@link #kindOf}).
 */
public record Lane(String name) {

    public Lane {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a lane needs a name");
        }
    }

    /**
     * The kind of the lane named {@code name}: its first two segments ({@code slack/incident}, {@code slack/home},
     * {@code pagerduty/incident}, …), without the incident or person it is about. A small fixed set, so the metrics can
     * label by it where one label per incident would grow without end.
     */
    public static String kindOf(String name) {
        int first = name.indexOf('/');
        int second = first < 0 ? -1 : name.indexOf('/', first + 1);
        return second < 0 ? name : name.substring(0, second);
    }

    /** What an incident's channel shows, in the order it happened. */
    public static Lane slack(long incidentId) {
        return new Lane("slack/incident/" + incidentId);
    }

    /** An incident's PagerDuty work: apart from Slack's, so PagerDuty being out never holds up what Slack shows. */
    public static Lane pagerDuty(long incidentId) {
        return new Lane("pagerduty/incident/" + incidentId);
    }

    /** A pre-mortem's channel: its set-up, card and summary, in order. */
    public static Lane premortem(long premortemId) {
        return new Lane("slack/premortem/" + premortemId);
    }
}
