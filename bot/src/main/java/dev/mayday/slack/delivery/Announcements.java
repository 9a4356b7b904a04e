package dev.mayday.slack.delivery;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.incident.Incident;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.slack.views.Mentions;
import dev.mayday.slack.views.SlackTimes;
import dev.mayday.text.UserText;
import dev.mayday.timeline.LatestUpdates;
import dev.mayday.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The one-message summary of an incident in {@code INCIDENTS_CHANNEL}, kept current as the incident moves, with its
 * latest status update and when it was posted (each update is also a reply in the announcement's thread).
 * A private incident is never announced: its existence is for its members to share. The title is written inert:
 * this channel is everyone's, so nothing in it may notify anyone or disguise a link.
 */
public final class Announcements {

    /** The announcement shows the start of a long update; the thread reply has all of it. */
    static final int UPDATE_SHOWN = 300;

    private final SlackGateway slack;
    private final Optional<String> channel;
    private final LatestUpdates latestUpdates;
    private final SlackTimes times;

    public Announcements(SlackGateway slack, Optional<String> channel, LatestUpdates latestUpdates, SlackTimes times) {
        this.slack = slack;
        this.channel = channel;
        this.latestUpdates = latestUpdates;
        this.times = times;
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
        String opening = incident.isPractice() ? ":test_tube: *PRACTICE (a drill, nobody is paged)* · "
                : ":rotating_light: ";
        return opening + "*Incident #" + incident.id() + ": " + UserText.inert(incident.title()) + "*\n"
                + IncidentCard.severityBadge(incident.severity()) + " · " + incident.status().label()
                + " · Lead " + Mentions.of(incident.lead()) + " · Join <#" + incident.place().channelId() + ">"
                + latestUpdates.of(incident.id()).map(this::latestUpdateLine).orElse("");
    }

    /** A status update as its reply in the announcement's thread says it. */
    public String threadReply(String update, Instant postedAt) {
        return ":mega: *Update* · " + times.format(postedAt) + "\n" + UserText.inert(update);
    }

    private String latestUpdateLine(TimelineEntry update) {
        String text = update.text().length() > UPDATE_SHOWN
                ? update.text().substring(0, UPDATE_SHOWN) + "… (the whole update is in the thread)"
                : update.text();
        return "\n:mega: *Latest update* · " + times.format(update.occurredAt()) + "\n" + UserText.inert(text);
    }

    public List<LayoutBlock> blocks(Incident incident) {
        String text = text(incident);
        return List.of(section(s -> s.text(markdownText(text))));
    }
}
