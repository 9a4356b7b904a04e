package dev.mayday.db.digest;

/**
 * A week's status updates (an update posted, a status or a severity change), how many of them came only after a
 * reminder had been sent for the quiet stretch they ended, and how many update reminders were sent in the week.
 */
public record StatusUpdatesRow(long updates, long afterReminder, long reminders) {
}
