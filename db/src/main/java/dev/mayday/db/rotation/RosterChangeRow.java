package dev.mayday.db.rotation;

/**
 * One row of {@code duty_roster_changes} (see V016): who ({@code actor}) changed whose ({@code target}) place on the
 * roster, how and when, and the state of the direct message it owes {@code target} ({@code noticeState} null when
 * nothing is owed).
 */
public record RosterChangeRow(long id, long changedAt, String actor, String target, String action, String kind,
                              String firstDay, String lastDay, String noticeState, int noticeAttempts,
                              Long noticeDueAt, String noticeTs, String noticeError) {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}
