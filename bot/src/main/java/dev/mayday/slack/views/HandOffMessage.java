package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.rotation.HandOffs;

import java.time.Duration;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The hand-off offer posted in an incident channel, and what it becomes once taken. */
public final class HandOffMessage {

    public static final String ACCEPT_ACTION = "lead_handoff";

    private HandOffMessage() {
    }

    public static String text(HandOffs.Offer offer, Duration after) {
        return ":hourglass_flowing_sand: " + Mentions.of(offer.lead()) + ", you have led this incident for more than "
                + hours(after) + ". Next in line is " + Mentions.of(offer.next()) + ": hand off to "
                + Mentions.of(offer.next()) + "? (The rotation credit moves with the lead.)";
    }

    /** A button's label cannot mention anyone, so the mention is in the text beside it. */
    public static List<LayoutBlock> blocks(HandOffs.Offer offer, Duration after) {
        return List.of(
                section(s -> s.text(markdownText(text(offer, after)))),
                actions(a -> a.blockId("lead_handoff").elements(List.of(button(b -> b.actionId(ACCEPT_ACTION)
                        .style("primary").text(plainText("Hand off to next in line"))
                        .value(String.valueOf(offer.stint())))))));
    }

    public static String taken(HandOffs.Offer offer, String by) {
        return ":white_check_mark: " + Mentions.of(by) + " handed the lead from " + Mentions.of(offer.lead()) + " to "
                + Mentions.of(offer.next()) + ".";
    }

    private static String hours(Duration after) {
        long hours = after.toHours();
        return hours == 1 ? "an hour" : hours + " hours";
    }
}
