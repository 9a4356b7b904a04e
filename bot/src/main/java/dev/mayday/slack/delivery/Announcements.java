package dev.mayday.slack.delivery;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.incident.Incident;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The one-message summary of an incident in {@code INCIDENTS_CHANNEL}, kept current as the incident moves.
 * A private incident is never announced: its existence is for its members to share. The title is written inert:
 * this channel is everyone's, so nothing in it may notify anyone or disguise a link.
 */
public final class Announcements {

    private final SlackGateway slack;
    private final Optional<String> channel;

    public Announcements(SlackGateway slack, Optional<String> channel) {
        this.slack = slack;
        this.channel = channel;
    }

    /** Where this incident is announced; empty when there is nowhere to, or it must not be. */
    public Optional<String> channelFor(Incident incident) {
        return incident.isPrivate() ? Optional.empty() : channel;
    }

    public void refresh(Incident incident) {
        Optional<String> target = channelFor(incident);
        if (target.isPresent() && incident.place().announcement().isPresent()) {
            slack.updateMessage(target.get(), incident.place().announcementTs(), text(incident), blocks(incident));
        }
    }

    public String text(Incident incident) {
        return ":rotating_light: *Incident #" + incident.id() + ": " + UserText.inert(incident.title()) + "*\n"
                + IncidentCard.severityBadge(incident.severity()) + " · " + incident.status().label()
                + " · Lead " + Mentions.of(incident.lead()) + " · Join <#" + incident.place().channelId() + ">";
    }

    public List<LayoutBlock> blocks(Incident incident) {
        String text = text(incident);
        return List.of(section(s -> s.text(markdownText(text))));
    }
}
