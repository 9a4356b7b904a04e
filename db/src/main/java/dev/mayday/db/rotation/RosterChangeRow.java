package dev.mayday.db.rotation;

/**
 * One row of {@code duty_roster_changes} (see V016, V019): who ({@code actor}) changed whose ({@code target}) place on
 * the roster, how and when. The direct message a change by someone else owes {@code target} is an outbox row.
 */
public record RosterChangeRow(long id, long changedAt, String actor, String target, String action, String kind,
                              String firstDay, String lastDay) {
}
