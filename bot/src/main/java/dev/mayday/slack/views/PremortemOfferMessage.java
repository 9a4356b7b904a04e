package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.premortem.Premortem;
import dev.mayday.text.UserText;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The direct message offering a new incident's declarer the pre-mortems its title matches, each with a Link button. */
public final class PremortemOfferMessage {

    public static final String LINK_ACTION = "premortem_link";

    private PremortemOfferMessage() {
    }

    public static String text(long incidentId, String title) {
        return ":crystal_ball: Incident #" + incidentId + " *" + UserText.inert(title) + "* may have been foreseen: "
                + "these pre-mortems match its words. Link the one it is about, and its post-mortem draft will say "
                + "which risks were foreseen.";
    }

    public static List<LayoutBlock> blocks(long incidentId, String title, List<Premortem> premortems) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text(incidentId, title)))));
        for (Premortem premortem : premortems) {
            blocks.add(section(s -> s.text(markdownText("Pre-mortem #" + premortem.id() + ": *"
                    + UserText.inert(premortem.change()) + "*" + (premortem.isClosed() ? " (closed)" : " (open)")))
                    .accessory(button(b -> b.actionId(LINK_ACTION).text(plainText("Link"))
                            .value(incidentId + ":" + premortem.id())))));
        }
        return blocks;
    }
}
