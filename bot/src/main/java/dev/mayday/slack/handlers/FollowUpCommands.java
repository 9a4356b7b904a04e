package dev.mayday.slack.handlers;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.IncidentService;
import dev.mayday.postmortem.ActionItem;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learnings;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What an incident leaves behind: {@code /incident action <text> [@owner]}, {@code /incident actions} (with a
 * button to mark one done), {@code /incident learned <text>} and {@code /incident postmortem}. Stored as data, so
 * the post-mortem and the weekly digest can use them.
 */
public final class FollowUpCommands {

    public static final String DONE_ACTION = "action_item_done";

    private final IncidentDirectory directory;
    private final IncidentService incidents;
    private final ActionItems actions;
    private final Learnings learnings;
    private final Clock clock;

    public FollowUpCommands(IncidentDirectory directory, IncidentService incidents, ActionItems actions,
                            Learnings learnings, Clock clock) {
        this.directory = directory;
        this.incidents = incidents;
        this.actions = actions;
        this.learnings = learnings;
        this.clock = clock;
    }

    public String addAction(String channel, String user, String text) {
        Incident incident = incidentIn(channel);
        String[] words = text.strip().split("\\s+");
        Optional<String> owner = words.length > 1 ? Mentions.userId(words[words.length - 1]) : Optional.empty();
        String what = owner.isPresent() ? text.strip().substring(0, text.strip().lastIndexOf(' ')).strip() : text;
        ActionItem item = actions.add(incident.id(), what, owner.orElse(null), user, clock.instant());
        return ":ballot_box_with_check: Action item #" + item.id() + " added" + owner.map(o -> " for " + Mentions.of(o))
                .orElse(" (no owner yet: add one with `@someone` at the end)") + ". `/incident actions` lists them.";
    }

    public List<LayoutBlock> listActions(String channel) {
        Incident incident = incidentIn(channel);
        List<ActionItem> items = actions.list(incident.id());
        List<LayoutBlock> blocks = new ArrayList<>();
        if (items.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No action items yet for incident #" + incident.id()
                    + ". Add one with `/incident action <text> [@owner]`."))));
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText("*Action items of incident #" + incident.id() + "*"))));
        for (ActionItem item : items) {
            String text = UserText.inChannel(item.text());
            String line = (item.isDone() ? ":white_check_mark: ~" + text + "~" : ":white_square: " + text)
                    + " — " + (item.owner() == null ? "no owner" : Mentions.of(item.owner())) + " (#" + item.id() + ")";
            if (item.isDone()) {
                blocks.add(section(s -> s.text(markdownText(line))));
            } else {
                blocks.add(section(s -> s.text(markdownText(line)).accessory(button(b -> b.actionId(DONE_ACTION)
                        .text(plainText("Mark done")).value(String.valueOf(item.id()))))));
            }
        }
        return blocks;
    }

    /**
     * The done button: marks the item, if it belongs to the incident of the channel the button was clicked in, and
     * answers with the refreshed list.
     */
    public List<LayoutBlock> markDone(String channel, String user, String itemId) {
        long id;
        try {
            id = Long.parseLong(itemId);
        } catch (NumberFormatException e) {
            throw new IncidentRuleViolation("That button does not name an action item.");
        }
        Incident incident = incidentIn(channel);
        actions.markDone(incident.id(), id, user, clock.instant());
        return listActions(channel);
    }

    public String addLearning(String channel, String user, String text) {
        Incident incident = incidentIn(channel);
        learnings.add(incident.id(), text, user, clock.instant());
        return ":bulb: Learning recorded for incident #" + incident.id() + "; it goes into the post-mortem draft "
                + "and the weekly digest.";
    }

    public String regeneratePostmortem(String channel, String user) {
        long id = incidents.regeneratePostmortem(channel, user);
        return ":page_facing_up: Writing a new version of incident #" + id + "'s post-mortem draft; it replaces "
                + "the file in this channel.";
    }

    private Incident incidentIn(String channel) {
        return directory.byChannel(channel).orElseThrow(() -> new IncidentRuleViolation(
                "This is not an incident channel. Run this in the incident's own channel."));
    }
}
