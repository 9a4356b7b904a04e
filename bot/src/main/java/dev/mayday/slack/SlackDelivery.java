package dev.mayday.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.Publication;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.timeline.TimelineKind;
import dev.mayday.text.UserText;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers one outbox row to Slack. Every step can run again after a failure or a crash: the channel is looked
 * up before it is created again, the topic, invites and card updates are idempotent, and each message posted is
 * recorded as soon as Slack returns its ts. A message whose post ended ambiguously (timeout, 5xx, crash) is
 * looked for by its delivery tag before it is posted again, so a double post needs Slack to lose the tagged
 * message from its history as well.
 */
public final class SlackDelivery implements Delivery {

    private static final Set<TimelineKind> CHANGES_TOPIC = EnumSet.of(TimelineKind.SEVERITY_CHANGED,
            TimelineKind.STATUS_CHANGED, TimelineKind.LEAD_CHANGED, TimelineKind.RESOLVED, TimelineKind.CLOSED);

    private final SlackGateway slack;
    private final ChannelProvisioner provisioner;
    private final IncidentDirectory directory;
    private final Database database;
    private final IncidentCard card;
    private final Announcements announcements;
    private final DeclarationReplies replies;
    private final PostmortemPublisher postmortems;
    private final StalledChannelNotices stalled;

    public SlackDelivery(SlackGateway slack, ChannelProvisioner provisioner, IncidentDirectory directory,
                         Database database, IncidentCard card, Announcements announcements, DeclarationReplies replies,
                         PostmortemPublisher postmortems, StalledChannelNotices stalled) {
        this.slack = slack;
        this.provisioner = provisioner;
        this.directory = directory;
        this.database = database;
        this.card = card;
        this.announcements = announcements;
        this.replies = replies;
        this.postmortems = postmortems;
        this.stalled = stalled;
    }

    @Override
    public void deliver(OutboxRow row) {
        switch (Publication.valueOf(row.kind())) {
            case DECLARED -> setUp(row);
            case CHANGED -> publish(row);
            case POSTMORTEM -> postmortems.publish(row);
            default -> throw new IllegalArgumentException("not a Slack publication: " + row.kind());
        }
    }

    /**
     * Tells the declarer when their incident's channel is not made at the first try, rather than leaving them waiting;
     * a refusal that needs a person is also said once where it will be seen ({@link StalledChannelNotices}). Either way
     * the set-up goes on: the outbox retries it until the channel exists.
     */
    @Override
    public void failed(OutboxRow row, DeliveryError failure, boolean willRetry) {
        if (Publication.valueOf(row.kind()) != Publication.DECLARED) {
            return;
        }
        Optional<Incident> incident = directory.byId(row.incidentId());
        if (incident.isEmpty() || incident.get().channel().isPresent()) {
            return;
        }
        if (failure.retrySlowly()) {
            stalled.tellOnce(incident.get(), failure.reason());
        }
        if (row.attempts() == 0) {
            replies.progress(row.incidentId(), ":hourglass: Incident #" + row.incidentId() + " is saved, but "
                    + (failure.retrySlowly() ? "Slack refused its channel" : "Slack is not answering") + " ("
                    + UserText.inert(failure.reason()) + "). Mayday keeps trying and will open the channel as soon as Slack lets it.");
        }
    }

    private void setUp(OutboxRow row) {
        long id = row.incidentId();
        Incident incident = directory.byId(id).orElseThrow();
        if (incident.channel().isEmpty()) {
            ChannelProvisioner.ChannelRef channel = provision(incident);
            if (!directory.attachChannel(id, channel.id(), channel.name())) {
                // the provisioner never hands out an owned channel; should one slip through, retry with the next name
                throw new ChannelSetUpStalled("channel_belongs_to_another_incident", null);
            }
            incident = directory.byId(id).orElseThrow();
        }
        String channel = incident.place().channelId();
        slack.setTopic(channel, card.topic(incident));
        slack.invite(channel, people(incident.people().declaredBy(), incident.lead(), incident.people().responder()));
        if (incident.place().card().isEmpty()) {
            Incident current = incident;
            directory.recordCard(id, postOnce(row, channel, "card-" + id, card.fallbackText(current), card.blocks(current)));
        }
        Optional<String> announceIn = announcements.channelFor(incident);
        if (announceIn.isPresent() && incident.place().announcement().isEmpty()) {
            Incident current = incident;
            directory.recordAnnouncement(id, postOnce(row, announceIn.get(), "announcement-" + id,
                    announcements.text(current), announcements.blocks(current)));
        }
        replies.settled(id, ":white_check_mark: Incident #" + id + " is live in <#" + channel + ">.");
    }

    /** Slack's transient trouble is retried at the outbox's usual pace; a refusal stalls the set-up, not ends it. */
    private ChannelProvisioner.ChannelRef provision(Incident incident) {
        try {
            return provisioner.provision(incident);
        } catch (SlackCallFailed e) {
            if (e.isTransient()) {
                throw e;
            }
            throw new ChannelSetUpStalled(e.error(), e);
        }
    }

    private void publish(OutboxRow row) {
        Incident incident = directory.byId(row.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("chat.postMessage", "incident_has_no_channel", null));
        TimelineKind kind = TimelineKind.valueOf(row.changeKind());
        if (kind == TimelineKind.LEAD_CHANGED) {
            slack.invite(channel, people(incident.lead()));
        }
        if (row.postedTs() == null) {
            String ts = postOnce(row, channel, "change-" + row.id(), ChangeMessages.describe(kind, row.actor(), row.text()),
                    null);
            database.inTransaction(store -> store.outbox().recordPosted(row.id(), ts));
        }
        incident.place().card().ifPresent(ts -> slack.updateMessage(channel, ts, card.fallbackText(incident), card.blocks(incident)));
        if (CHANGES_TOPIC.contains(kind)) {
            slack.setTopic(channel, card.topic(incident));
            announcements.refresh(incident);
        }
    }

    /** Posts, unless an earlier attempt of this row already did (found by its tag). */
    private String postOnce(OutboxRow row, String channel, String tag, String text, List<LayoutBlock> blocks) {
        if (row.attempts() > 0) {
            Optional<String> earlier = findQuietly(channel, tag, Instant.ofEpochMilli(row.createdAt()));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return slack.postTagged(channel, text, blocks, tag);
    }

    private Optional<String> findQuietly(String channel, String tag, Instant since) {
        try {
            return slack.findTagged(channel, tag, since);
        } catch (SlackCallFailed e) {
            // history unreadable (e.g. an announcement channel the bot never joined): posting is all that is left
            return Optional.empty();
        }
    }

    private List<String> people(String... users) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String user : users) {
            if (user != null && Mentions.isUserId(user)) {
                distinct.add(user);
            }
        }
        distinct.remove(slack.botUserId());
        return List.copyOf(distinct);
    }
}
