package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.metrics.PagesAndReminders;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.CloseReminder;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.UpdateReminder;
import dev.mayday.outbox.Withdrawn;
import dev.mayday.reminder.Reminders;
import dev.mayday.slack.views.ReminderMessage;

/**
 * Posts reminders in their incident's channel, once each (tagged, looked for on a retry). A reminder that no longer
 * applies when its turn comes (someone posted an update, the incident was resolved or closed meanwhile) is withdrawn.
 */
public final class ReminderDelivery {

    private final Reminders reminders;
    private final IncidentDirectory directory;
    private final TaggedPosts posts;
    private final PagesAndReminders sent;

    public ReminderDelivery(Reminders reminders, IncidentDirectory directory, TaggedPosts posts, PagesAndReminders sent) {
        this.sent = sent;
        this.reminders = reminders;
        this.directory = directory;
        this.posts = posts;
    }

    public Delivery<UpdateReminder> updates() {
        return this::deliverUpdate;
    }

    public Delivery<CloseReminder> closes() {
        return this::deliverClose;
    }

    private void deliverUpdate(UpdateReminder reminder, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return;
        }
        Incident incident = incident(reminder.incidentId());
        if (!reminders.stillQuiet(reminder)) {
            throw new Withdrawn("the incident moved or got an update before the reminder was posted");
        }
        attempt.recordResult(posts.postOnce(channelOf(incident), reminder.tag(),
                ReminderMessage.text(incident, reminder), ReminderMessage.blocks(incident, reminder), attempt));
        sent.reminderSent();
    }

    private void deliverClose(CloseReminder reminder, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return;
        }
        Incident incident = incident(reminder.incidentId());
        if (!reminders.stillUnclosed(reminder)) {
            throw new Withdrawn("the incident was closed or reopened before the reminder was posted");
        }
        attempt.recordResult(posts.postOnce(channelOf(incident), reminder.tag(), ReminderMessage.toClose(incident),
                null, attempt));
        sent.reminderSent();
    }

    private Incident incident(long incidentId) {
        return directory.byId(incidentId).orElseThrow(() -> new Withdrawn("no incident " + incidentId));
    }

    private static String channelOf(Incident incident) {
        return incident.channel().orElseThrow(() -> new Withdrawn("the incident has no channel"));
    }
}
