package dev.mayday.postmortem;

import dev.mayday.incident.IncidentRuleViolation;

/** Checks the text people give for action items and learnings, with messages that say how to fix it. */
final class FollowUpText {

    private FollowUpText() {
    }

    static String require(String text, int maxLength, String what, String example) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IncidentRuleViolation("The " + what + " is empty: add some text, e.g. `" + example + "`.");
        }
        if (stripped.length() > maxLength) {
            throw new IncidentRuleViolation("That " + what + " is " + stripped.length() + " characters; please keep it to "
                    + maxLength + " or fewer (put the details in a ticket and link it).");
        }
        return stripped;
    }

    static String optionalUser(String userId) {
        return userId == null || userId.isBlank() ? null : userId.strip();
    }
}
