package dev.mayday.premortem;

import dev.mayday.text.UserText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Markdown a closed pre-mortem leaves: the change, its risks with owners and mitigations, the rollback plan (or
 * that there is none) and the questions still open. People are named by display name as plain text; text people
 * wrote is rendered inert (no ping, no disguised link).
 */
public final class PremortemSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public PremortemSummary(ZoneId zone) {
        this.zone = zone;
    }

    public String markdown(Premortem premortem, List<Risk> risks, Function<String, String> names) {
        StringBuilder md = new StringBuilder();
        md.append("# Pre-mortem #").append(premortem.id()).append(": ").append(UserText.plain(premortem.change()))
                .append("\n\n");
        md.append("Opened ").append(DAY.format(premortem.openedAt().atZone(zone))).append(" by ")
                .append(names.apply(premortem.openedBy()));
        premortem.closedAt().ifPresent(at -> md.append(", closed ").append(DAY.format(at.atZone(zone))));
        md.append(" (").append(zone.getId()).append(").\n\n");
        md.append("## The change\n\nIt is two weeks from now and *").append(UserText.inert(premortem.change()))
                .append("* has failed. What happened?\n\n");
        md.append("## Risks\n\n");
        if (risks.isEmpty()) {
            md.append("No risk was recorded.\n");
        }
        for (Risk risk : risks) {
            md.append(risk.number()).append(". ").append(UserText.inert(risk.text())).append("\n   - Owner: ")
                    .append(risk.owner().map(names::apply).orElse("**none**"))
                    .append("\n   - Mitigation: ").append(risk.mitigation().map(UserText::inert).orElse("**none**"))
                    .append("\n");
        }
        md.append("\n## Rollback plan\n\n").append(premortem.rollbackPlan().map(UserText::inert)
                .orElse("No rollback plan.")).append("\n\n## Open questions\n\n");
        List<String> open = openQuestions(premortem, risks);
        md.append(open.isEmpty() ? "None.\n" : String.join("", open.stream().map(q -> "- " + q + "\n").toList()));
        return md.toString();
    }

    static List<String> openQuestions(Premortem premortem, List<Risk> risks) {
        List<String> open = new ArrayList<>();
        for (Risk risk : risks) {
            if (risk.owner().isEmpty()) {
                open.add("Who owns risk " + risk.number() + "?");
            }
            if (risk.mitigation().isEmpty()) {
                open.add("How is risk " + risk.number() + " mitigated?");
            }
        }
        if (premortem.rollbackPlan().isEmpty()) {
            open.add("How do we undo it, and how long does that take?");
        }
        return open;
    }
}
