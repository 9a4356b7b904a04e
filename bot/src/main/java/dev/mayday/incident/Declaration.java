package dev.mayday.incident;

import java.util.Objects;

/**
 * What it takes to declare an incident. {@code originKey} identifies the request that asked for it (a slash
 * command's trigger, a modal's view, a PagerDuty incident), so that a second delivery declares nothing new.
 * {@code isPractice} declares a drill: a practice incident (see {@link Incident}).
 */
public record Declaration(String title, String summary, Severity severity, boolean isPrivate, boolean isPractice,
                          String declaredBy,
                          String originKey, String originChannel) {

    public static final int MAX_TITLE_LENGTH = 150;

    public Declaration {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(originKey, "originKey");
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new IncidentRuleViolation("An incident needs a title, e.g. `/incident declare sev2 Checkout is failing`.");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new IncidentRuleViolation("That title is " + title.length() + " characters; please keep it under "
                    + MAX_TITLE_LENGTH + ".");
        }
        summary = summary == null || summary.isBlank() ? null : summary.strip();
    }
}
