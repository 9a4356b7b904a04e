package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.timeline.TimelineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes committed incident facts visible in Slack: the channel, its topic, the card, the announcement and a line
 * for every change. Runs after the ack; each step reads the incident afresh so the card always shows the latest
 * committed state, whatever order changes arrive in.
 */
public final class SlackIncidentNotifier implements IncidentNotifier {

    private static final Logger log = LoggerFactory.getLogger(SlackIncidentNotifier.class);
    private static final Set<TimelineKind> CHANGES_TOPIC = EnumSet.of(TimelineKind.SEVERITY_CHANGED,
            TimelineKind.STATUS_CHANGED, TimelineKind.LEAD_CHANGED, TimelineKind.RESOLVED, TimelineKind.CLOSED);

    private final SlackGateway slack;
    private final ChannelProvisioner provisioner;
    private final IncidentDirectory directory;
    private final IncidentCard card;
    private final Announcements announcements;
    private final DeclarationReplies replies;
    private final AfterAck afterAck;

    public SlackIncidentNotifier(SlackGateway slack, ChannelProvisioner provisioner, IncidentDirectory directory,
                                 IncidentCard card, Announcements announcements, DeclarationReplies replies,
                                 AfterAck afterAck) {
        this.slack = slack;
        this.provisioner = provisioner;
        this.directory = directory;
        this.card = card;
        this.announcements = announcements;
        this.replies = replies;
        this.afterAck = afterAck;
    }

    @Override
    public void declared(Incident incident) {
        afterAck.run("setting up incident #" + incident.id(), () -> setUp(incident.id()));
    }

    /** Sets up incidents whose channel was never created (Slack was down, or the process stopped). */
    public void resumePending() {
        for (Incident incident : directory.withoutChannel()) {
            log.info("Resuming set-up of incident #{}", incident.id());
            declared(incident);
        }
    }

    @Override
    public void changed(IncidentChange change) {
        afterAck.run("publishing change to incident #" + change.after().id(), () -> publish(change));
    }

    private void setUp(long incidentId) {
        Incident incident = directory.byId(incidentId).orElseThrow();
        if (incident.channel().isEmpty()) {
            try {
                ChannelProvisioner.ChannelRef channel = provisioner.provision(incident);
                directory.attachChannel(incidentId, channel.id(), channel.name());
            } catch (SlackCallFailed e) {
                replies.settled(incidentId, ":warning: Incident #" + incidentId + " is saved, but Slack refused its "
                        + "channel (" + e.error() + "). Mayday sets it up again when it next starts.");
                throw e;
            }
            incident = directory.byId(incidentId).orElseThrow();
        }
        String channelId = incident.channelId();
        slack.setTopic(channelId, card.topic(incident));
        slack.invite(channelId, people(incident.declaredBy(), incident.lead()));
        if (incident.card().isEmpty()) {
            String ts = slack.postMessage(channelId, card.fallbackText(incident), card.blocks(incident));
            directory.recordCard(incidentId, ts);
        }
        if (incident.announcement().isEmpty()) {
            announcements.announce(incident).ifPresent(ts -> directory.recordAnnouncement(incidentId, ts));
        }
        replies.settled(incidentId, ":white_check_mark: Incident #" + incidentId + " is live in <#" + channelId + ">.");
    }

    private void publish(IncidentChange change) {
        Incident incident = directory.byId(change.after().id()).orElseThrow();
        Optional<String> channel = incident.channel();
        if (channel.isEmpty()) {
            log.warn("Incident #{} has no channel yet; its card will show the change once it is set up", incident.id());
            return;
        }
        if (change.entry().kind() == TimelineKind.LEAD_CHANGED) {
            slack.invite(channel.get(), people(incident.lead()));
        }
        slack.postMessage(channel.get(), ChangeMessages.describe(change), null);
        incident.card().ifPresent(ts -> slack.updateMessage(channel.get(), ts, card.fallbackText(incident),
                card.blocks(incident)));
        if (CHANGES_TOPIC.contains(change.entry().kind())) {
            slack.setTopic(channel.get(), card.topic(incident));
            announcements.refresh(incident);
        }
    }

    private List<String> people(String... users) {
        Set<String> distinct = new LinkedHashSet<>(List.of(users));
        distinct.remove(slack.botUserId());
        return List.copyOf(distinct);
    }
}
