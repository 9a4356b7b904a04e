package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Severity;
import dev.mayday.text.UserText;

import java.util.Locale;

/**
 * What {@code /incident declare} was told, from the words before the title:
 * {@code [--drill] [--private] [sev1-4] <title>}, in any order. A word starting with {@code --} that is neither option
 * is refused rather than taken for the title, so a mistyped {@code --privte} never declares a public incident, nor a
 * mistyped {@code --dril} a real one.
 */
public record DeclareText(Severity severity, boolean isPrivate, boolean isPractice, String title) {

    static final String PRIVATE = "--private";
    static final String DRILL = "--drill";

    public static DeclareText parse(String text) {
        Severity severity = Severity.SEV3;
        boolean isPrivate = false;
        boolean isPractice = false;
        boolean severityGiven = false;
        String rest = text == null ? "" : text.strip();
        while (!rest.isEmpty()) {
            String[] split = rest.split("\\s+", 2);
            String word = split[0].toLowerCase(Locale.ROOT);
            if (word.equals(PRIVATE) && !isPrivate) {
                isPrivate = true;
            } else if (word.equals(DRILL) && !isPractice) {
                isPractice = true;
            } else if (word.matches("sev\\d+") && !severityGiven) {
                severity = Severity.parse(word).orElseThrow(() -> new IncidentRuleViolation("`" + UserText.inert(word)
                        + "` is not a severity: use sev1, sev2, sev3 or sev4 (sev1 is the worst), e.g. "
                        + "`/incident declare sev2 Checkout is failing`."));
                severityGiven = true;
            } else if (word.startsWith("--")) {
                throw new IncidentRuleViolation("`" + UserText.inert(split[0]) + "` is not an option of declare: the "
                        + "options are `--private` and `--drill`, e.g. `/incident declare --private sev2 Payroll export "
                        + "leaked` or `/incident declare --drill sev2 Checkout is failing`.");
            } else {
                break;
            }
            rest = split.length > 1 ? split[1].strip() : "";
        }
        return new DeclareText(severity, isPrivate, isPractice, rest);
    }
}
