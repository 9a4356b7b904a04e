package dev.mayday.slack;

import dev.mayday.incident.IncidentChange;

/** The line posted in the incident channel for each change, so everyone there sees what moved and who moved it. */
final class ChangeMessages {

    private ChangeMessages() {
    }

    static String describe(IncidentChange change) {
        String who = Mentions.of(change.entry().actor());
        String text = change.entry().text();
        return switch (change.entry().kind()) {
            case SEVERITY_CHANGED -> ":rotating_light: " + who + " changed the severity: " + text;
            case STATUS_CHANGED -> ":arrows_counterclockwise: " + who + " moved the status: " + text;
            case LEAD_CHANGED -> ":handshake: " + who + " handed the lead to " + Mentions.of(text) + ".";
            case UPDATE_POSTED -> ":mega: *Status update* from " + who + "\n" + quote(text);
            case NOTE_ADDED -> ":memo: " + who + " added a note to the timeline\n" + quote(text);
            case RESOLVED -> ":white_check_mark: " + who + " resolved the incident."
                    + (change.after().resolution() == null ? "" : "\n" + quote(change.after().resolution()));
            case CLOSED -> ":file_folder: " + who + " closed the incident.";
            case DECLARED, PINNED -> text;
        };
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }
}
