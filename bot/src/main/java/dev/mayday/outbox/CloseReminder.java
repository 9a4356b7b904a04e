package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * The one reminder to close an incident resolved at {@code resolvedAt} (epoch millis) and still open a day later, and
 * to write its post-mortem. Queued once per resolution, under {@link #uniqueKey()}.
 */
public record CloseReminder(long incidentId, long resolvedAt) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    public String uniqueKey() {
        return "close-reminder/" + incidentId + "/" + resolvedAt;
    }

    /** The message's idempotency tag. */
    public String tag() {
        return "close-reminder:" + incidentId + ":" + resolvedAt;
    }
}
