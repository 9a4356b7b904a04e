package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.incident.Incident;
import dev.mayday.outbox.UpdateReminder;

import java.time.Duration;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The reminders posted in a quiet incident's channel (with their two buttons), and the one to close a resolved one. */
public final class ReminderMessage {

    public static final String POST_UPDATE_ACTION = "reminder_post_update";
    public static final String SNOOZE_ACTION = "reminder_snooze";

    private ReminderMessage() {
    }

    public static String text(Incident incident, UpdateReminder reminder) {
        Duration quiet = Duration.ofMillis(reminder.remindedAt() - reminder.quietSince());
        return ":alarm_clock: " + Mentions.of(incident.lead()) + ", this " + incident.severity().label()
                + " incident has had no update for " + Numbers.duration(quiet) + ". Post an update so everyone "
                + "following it knows where things stand.";
    }

    /** The incident id rides on both buttons; the handlers check it against the channel they were clicked in. */
    public static List<LayoutBlock> blocks(Incident incident, UpdateReminder reminder) {
        String incidentId = String.valueOf(incident.id());
        return List.of(
                section(s -> s.text(markdownText(text(incident, reminder)))),
                actions(a -> a.blockId("update_reminder").elements(List.of(
                        button(b -> b.actionId(POST_UPDATE_ACTION).style("primary")
                                .text(plainText("Post an update")).value(incidentId)),
                        button(b -> b.actionId(SNOOZE_ACTION).text(plainText("Snooze 30 min")).value(incidentId))))));
    }

    public static String toClose(Incident incident) {
        return ":memo: " + Mentions.of(incident.lead()) + ", this incident was resolved more than a day ago and is "
                + "still open. Close it with `/incident close` and review the post-mortem draft it posts here.";
    }
}
