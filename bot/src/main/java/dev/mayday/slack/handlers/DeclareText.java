package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Severity;
import dev.mayday.text.UserText;

import java.util.Locale;

/**
 * What {@code /incident declare} was told, from the words before the title: {@code [--private] [sev1-4] <title>},
 * the two in either order. A word starting with {@code --} that is not {@code --private} is refused rather than taken
 * for the title, so a mistyped {@code --privte} never declares a public incident.
 */
public record DeclareText(Severity severity, boolean isPrivate, String title) {

    static final String PRIVATE = "--private";

    public static DeclareText parse(String text) {
        Severity severity = Severity.SEV3;
        boolean isPrivate = false;
        boolean severityGiven = false;
        String rest = text == null ? "" : text.strip();
        while (!rest.isEmpty()) {
            String[] split = rest.split("\\s+", 2);
            String word = split[0].toLowerCase(Locale.ROOT);
            if (word.equals(PRIVATE) && !isPrivate) {
                isPrivate = true;
            } else if (word.matches("sev\\d+") && !severityGiven) {
                severity = Severity.parse(word).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(word)
                        + "` is not a severity: use sev1, sev2, sev3 or sev4 (sev1 is the worst), e.g. "
                        + "`/incident declare sev2 Checkout is failing`."));
                severityGiven = true;
            } else if (word.startsWith("--")) {
                throw new IncidentRuleViolation("`" + UserText.inert(split[0]) + "` is not an option of declare: the "
                        + "one option is `--private`, e.g. `/incident declare --private sev2 Payroll export leaked`.");
            } else {
                break;
            }
            rest = split.length > 1 ? split[1].strip() : "";
        }
        return new DeclareText(severity, isPrivate, rest);
    }
}
