package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * Reminder {@code number} to the lead of a quiet incident, to be posted in its channel: the incident had had no
 * update, status or severity change since {@code quietSince} when it was reminded at {@code remindedAt} (epoch millis).
 * Queued once per (incident, number), under {@link #uniqueKey()}.
 */
public record UpdateReminder(long incidentId, int number, long quietSince, long remindedAt) implements Publication {

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    public String uniqueKey() {
        return "update-reminder/" + incidentId + "/" + number;
    }

    /** The message's idempotency tag. */
    public String tag() {
        return "reminder:" + incidentId + ":" + number;
    }
}
