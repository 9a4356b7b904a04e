package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.Risk;
import dev.mayday.text.UserText;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The pre-mortem's card in its channel: the premise, the rollback question (and the plan once there is one), and the
 * live list of risks, each marked when it still lacks a mitigation or an owner. Refreshed in place after each change.
 */
public final class PremortemCard {

    private static final int MAX_RISKS_TEXT = 2_900;
    private static final int MAX_LINE_TEXT = 300;

    public static final String ROLLBACK_QUESTION = "How do we undo it, and how long does that take?";

    public String fallbackText(Premortem premortem) {
        return ":crystal_ball: Pre-mortem #" + premortem.id() + ": " + premise(premortem);
    }

    public static String premise(Premortem premortem) {
        return "It is two weeks from now and *" + UserText.inChannel(premortem.change()) + "* has failed. What happened?";
    }

    public List<LayoutBlock> blocks(Premortem premortem, List<Risk> risks) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(":crystal_ball: Pre-mortem #" + premortem.id()
                + (premortem.isClosed() ? " (closed)" : "") + ": " + UserText.plain(premortem.change())))));
        blocks.add(section(s -> s.text(markdownText(premise(premortem)))));
        blocks.add(section(s -> s.text(markdownText("*Rollback.* " + ROLLBACK_QUESTION + "\n" + premortem.rollbackPlan()
                .map(plan -> ":leftwards_arrow_with_hook: " + UserText.inChannel(brief(plan)))
                .orElse(":warning: no rollback plan yet: `/incident rollback <text>`")))));
        blocks.add(section(s -> s.text(markdownText(riskList(risks)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(premortem.isClosed()
                ? "Closed: the summary is in the file below."
                : "`/incident risk <text> [@owner]` (or :pushpin: a message) · `/incident mitigate <n> <text>` · "
                + "`/incident rollback <text>` · `/incident premortem close`")))));
        return blocks;
    }

    static String riskList(List<Risk> risks) {
        if (risks.isEmpty()) {
            return "*Risks* (none yet)";
        }
        StringBuilder text = new StringBuilder("*Risks* (" + risks.size() + ", "
                + risks.stream().filter(r -> !r.isCovered()).count() + " not covered)");
        for (Risk risk : risks) {
            String line = "\n" + (risk.isCovered() ? ":white_check_mark: " : ":warning: ") + risk.number() + ". "
                    + UserText.inChannel(brief(risk.text())) + " — " + risk.owner().map(Mentions::of).orElse("*no owner*")
                    + " · " + risk.mitigation().map(m -> "mitigation: " + UserText.inChannel(brief(m)))
                    .orElse("*no mitigation*");
            if (text.length() + line.length() > MAX_RISKS_TEXT) {
                // a section holds 3,000 characters: the summary at close has every risk in full
                text.append("\n… and more: the summary at close lists every risk.");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    /** A risk or mitigation as the card shows it: the first {@value #MAX_LINE_TEXT} characters (a 📌 takes any length). */
    static String brief(String text) {
        if (text.length() <= MAX_LINE_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_LINE_TEXT - 1)) ? MAX_LINE_TEXT - 1 : MAX_LINE_TEXT;
        return text.substring(0, end).stripTrailing() + "…";
    }
}
