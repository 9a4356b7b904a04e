package dev.mayday.slack.views;

import dev.mayday.text.UserText;
import dev.mayday.timeline.TimelineKind;

/** The line posted in the incident channel for each change, so everyone there sees what moved and who moved it. */
public final class ChangeMessages {

    private ChangeMessages() {
    }

    /** {@code stored} is what the person (or PagerDuty) wrote, written here for the incident channel. */
    public static String describe(TimelineKind kind, String actor, String stored) {
        String who = Mentions.of(actor);
        String text = UserText.inChannel(stored);
        return switch (kind) {
            case SEVERITY_CHANGED -> ":rotating_light: " + who + " changed the severity: " + text;
            case STATUS_CHANGED -> ":arrows_counterclockwise: " + who + " moved the status: " + text;
            case LEAD_CHANGED -> ":handshake: " + who + " handed the lead to " + Mentions.of(stored) + ".";
            case UPDATE_POSTED -> ":mega: *Status update* from " + who + "\n" + quote(text);
            case NOTE_ADDED -> ":memo: " + who + " added a note to the timeline\n" + quote(text);
            case RESOLVED -> ":white_check_mark: " + who + " resolved the incident."
                    + ("Resolved".equals(stored) ? "" : "\n" + quote(text));
            case CLOSED -> ":file_folder: " + who + " closed the incident.";
            default -> text;
        };
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }
}
