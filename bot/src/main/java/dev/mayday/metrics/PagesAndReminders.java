package dev.mayday.metrics;

/**
 * Where pages and reminders sent are counted ({@code mayday_pages_sent_total}, {@code mayday_reminders_sent_total}):
 * the deliveries that send them call this once each is out. Both counters are shown from the start, at 0.
 */
public interface PagesAndReminders {

    void pageSent();

    void reminderSent();
}
