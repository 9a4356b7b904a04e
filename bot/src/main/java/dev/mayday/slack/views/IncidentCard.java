package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.text.UserText;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The incident card pinned at the top of an incident channel, rebuilt from the incident on every change. A practice
 * incident says so first, in the card's header, its fallback text and the topic ({@link #practiceMark}).
 */
public final class IncidentCard {

    public static final String STATUS_ACTION = "incident_status";
    public static final String RESOLVE_ACTION = "incident_resolve";
    public static final String CLOSE_ACTION = "incident_close";

    private final SlackTimes times;

    public IncidentCard(SlackTimes times) {
        this.times = times;
    }

    public List<LayoutBlock> blocks(Incident incident) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(headline(incident, UserText.plain(incident.title())), true))));
        List<TextObject> fields = new ArrayList<>(List.of(
                markdownText("*Severity*\n" + severityBadge(incident.severity())),
                markdownText("*Status*\n" + incident.status().label()),
                markdownText("*Lead*\n" + Mentions.of(incident.lead())),
                markdownText("*Declared*\n" + times.format(incident.times().declaredAt()))));
        incident.people().pairedResponder().ifPresent(responder ->
                fields.add(markdownText("*Responder*\n" + Mentions.of(responder))));
        blocks.add(section(s -> s.fields(fields)));
        if (incident.people().leadReason() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":arrows_counterclockwise: "
                    + capitalized(incident.people().leadReason()))))));
        }
        if (incident.summary() != null) {
            blocks.add(section(s -> s.text(markdownText(UserText.inChannel(incident.summary())))));
        }
        if (incident.resolution() != null) {
            blocks.add(section(s -> s.text(markdownText("*Resolution*\n" + UserText.inChannel(incident.resolution())))));
        }
        List<BlockElement> buttons = buttons(incident);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("incident_actions").elements(buttons)));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Declared by " + Mentions.of(incident.people().declaredBy())
                + (incident.isPrivate() ? " · :lock: private" : "") + " · `/incident help` for commands")))));
        return blocks;
    }

    public String fallbackText(Incident incident) {
        return headline(incident, UserText.inChannel(incident.title())) + " — " + incident.severity().label() + ", " + incident.status().label()
                + ", lead " + Mentions.of(incident.lead())
                + incident.people().pairedResponder().map(r -> ", responder " + Mentions.of(r)).orElse("");
    }

    public String topic(Incident incident) {
        return practiceMark(incident) + incident.severity().label() + " · " + incident.status().label() + " · Lead: "
                + Mentions.of(incident.lead())
                + incident.people().pairedResponder().map(r -> " · Responder: " + Mentions.of(r)).orElse("")
                + " · " + UserText.plain(incident.title());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code title} is already written for where the headline goes: plain_text in the header, mrkdwn in the text. */
    private static String headline(Incident incident, String title) {
        return practiceMark(incident) + statusEmoji(incident.status()) + " Incident #" + incident.id() + ": " + title;
    }

    /** What goes before everything Mayday says about a practice incident, so nobody takes a drill for real. */
    public static String practiceMark(Incident incident) {
        return incident.isPractice() ? ":test_tube: PRACTICE · " : "";
    }

    public static String severityBadge(Severity severity) {
        return switch (severity) {
            case SEV1 -> ":red_circle: SEV1";
            case SEV2 -> ":large_orange_circle: SEV2";
            case SEV3 -> ":large_yellow_circle: SEV3";
            case SEV4 -> ":white_circle: SEV4";
        };
    }

    private static String statusEmoji(Status status) {
        return switch (status) {
            case INVESTIGATING -> "🔴";
            case IDENTIFIED -> "🟠";
            case MONITORING -> "🟡";
            case RESOLVED -> "✅";
            case CLOSED -> "📁";
        };
    }

    private static List<BlockElement> buttons(Incident incident) {
        if (incident.status() == Status.CLOSED) {
            return List.of();
        }
        List<OptionObject> options = Status.active().stream()
                .filter(s -> s != incident.status())
                .map(s -> option(plainText(s.label()), s.name().toLowerCase()))
                .toList();
        List<BlockElement> elements = new ArrayList<>();
        elements.add(staticSelect(s -> s.actionId(STATUS_ACTION)
                .placeholder(plainText(incident.status() == Status.RESOLVED ? "Reopen as…" : "Set status…"))
                .options(options)));
        if (incident.status() == Status.RESOLVED) {
            elements.add(button(b -> b.actionId(CLOSE_ACTION).text(plainText("Close")).value(String.valueOf(incident.id()))));
        } else {
            elements.add(button(b -> b.actionId(RESOLVE_ACTION).style("primary").text(plainText("Resolve"))
                    .value(String.valueOf(incident.id()))));
        }
        return elements;
    }
}
