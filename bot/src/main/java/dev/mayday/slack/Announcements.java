package dev.mayday.slack;

import dev.mayday.incident.Incident;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The one-message summary of an incident in {@code INCIDENTS_CHANNEL}, kept current as the incident moves.
 * A private incident is never announced: its existence is for its members to share.
 */
public final class Announcements {

    private final SlackGateway slack;
    private final Optional<String> channel;

    public Announcements(SlackGateway slack, Optional<String> channel) {
        this.slack = slack;
        this.channel = channel;
    }

    /** Posts the announcement; returns its ts, or empty when there is nowhere (or nothing) to announce. */
    public Optional<String> announce(Incident incident) {
        if (channel.isEmpty() || incident.isPrivate()) {
            return Optional.empty();
        }
        String text = text(incident);
        return Optional.of(slack.postMessage(channel.get(), text, List.of(section(s -> s.text(markdownText(text))))));
    }

    public void refresh(Incident incident) {
        if (channel.isEmpty() || incident.isPrivate() || incident.announcement().isEmpty()) {
            return;
        }
        String text = text(incident);
        slack.updateMessage(channel.get(), incident.announcementTs(), text, List.of(section(s -> s.text(markdownText(text)))));
    }

    private static String text(Incident incident) {
        return ":rotating_light: *Incident #" + incident.id() + ": " + incident.title() + "*\n"
                + IncidentCard.severityBadge(incident.severity()) + " · " + incident.status().label()
                + " · Lead " + Mentions.of(incident.lead()) + " · Join <#" + incident.channelId() + ">";
    }
}
