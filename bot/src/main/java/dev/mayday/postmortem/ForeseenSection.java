package dev.mayday.postmortem;

import dev.mayday.premortem.PremortemLink;
import dev.mayday.premortem.Risk;

import java.util.Optional;

/**
 * "Foreseen?": for an incident linked to a pre-mortem, the risks it imagined, each marked as the one that happened or
 * not, and whether its rollback plan was used. Unlinked incidents have no such section.
 */
final class ForeseenSection {

    private ForeseenSection() {
    }

    static void write(DraftContext c, Optional<PremortemLink> foreseen, StringBuilder out) {
        if (foreseen.isEmpty()) {
            return;
        }
        PremortemLink link = foreseen.get();
        out.append("## Foreseen?\n\nPre-mortem #").append(link.premortem().id()).append(" (opened ")
                .append(c.times().dateTime(link.premortem().openedAt())).append(") imagined *");
        MarkdownText.write(out, SlackText.parse(link.premortem().change(), c.facts().names()));
        out.append("* failing. ");
        out.append(link.foresaw() ? "It foresaw what happened: risk " + link.happenedRisk().getAsInt() + "."
                : "None of its risks is marked as what happened (`/incident link premortem " + link.premortem().id()
                + " risk <n>` marks one).").append("\n\n");
        if (link.risks().isEmpty()) {
            out.append("_It recorded no risk._\n");
        }
        for (Risk risk : link.risks()) {
            boolean happened = link.happenedRisk().isPresent() && link.happenedRisk().getAsInt() == risk.number();
            out.append(happened ? "- [x] " : "- [ ] ").append(risk.number()).append(". ");
            MarkdownText.write(out, SlackText.parse(risk.text(), c.facts().names()));
            out.append(happened ? " — **this happened**" : " — did not happen");
            out.append(risk.mitigation().isPresent() ? " (mitigation planned)" : " (no mitigation planned)").append('\n');
        }
        out.append("\nRollback plan: ");
        if (link.premortem().rollbackPlan().isEmpty()) {
            out.append("the pre-mortem had none.");
        } else {
            MarkdownText.write(out, SlackText.parse(link.premortem().rollbackPlan().get(), c.facts().names()));
            out.append(link.rollbackUsed() ? " — **used**." : " — not used.");
        }
        out.append("\n\n");
    }
}
