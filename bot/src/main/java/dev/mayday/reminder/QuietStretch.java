package dev.mayday.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an open incident has been quiet, and what was already done about it: its last update, status or severity
 * change (or its declaration), its last reminder, and the end of its snooze. Decides when the next reminder is due:
 * one interval after the stretch began, then one interval after each reminder of the stretch, never while snoozed.
 */
public record QuietStretch(Instant since, Optional<Instant> lastReminded, Optional<Instant> snoozedUntil) {

    public Instant nextDue(Duration interval) {
        Instant due = since.plus(interval);
        if (lastReminded.isPresent() && !lastReminded.get().isBefore(since)) {
            due = later(due, lastReminded.get().plus(interval));
        }
        if (snoozedUntil.isPresent()) {
            due = later(due, snoozedUntil.get());
        }
        return due;
    }

    public boolean isDue(Duration interval, Instant now) {
        return !now.isBefore(nextDue(interval));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
