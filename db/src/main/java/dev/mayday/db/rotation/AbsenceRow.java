package dev.mayday.db.rotation;

/** One row of {@code duty_absences}: away from {@code startsAt} (inclusive) to {@code endsAt} (exclusive), epoch millis. */
public record AbsenceRow(long id, String userId, long startsAt, long endsAt) {
}
