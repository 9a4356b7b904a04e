package dev.mayday.digest;

/**
 * How the week's incidents were kept up to date: status updates (an update posted, a status or a severity change),
 * how many came on time (before any reminder for the quiet stretch they ended), and how many reminders were sent.
 */
public record StatusUpdates(int updates, int afterReminder, int reminders) {

    public static StatusUpdates none() {
        return new StatusUpdates(0, 0, 0);
    }

    public boolean any() {
        return updates > 0 || reminders > 0;
    }

    public int onTime() {
        return updates - afterReminder;
    }

    /** {@code 14 status updates, 11 on time and 3 after a reminder; 4 reminders sent.} */
    public String sentence() {
        return DigestText.plural(updates, "status update") + " (updates, status and severity changes), "
                + onTime() + " on time and " + afterReminder + " after a reminder; "
                + DigestText.plural(reminders, "reminder") + " sent.";
    }
}
