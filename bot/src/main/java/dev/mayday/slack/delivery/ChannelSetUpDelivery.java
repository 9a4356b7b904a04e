package dev.mayday.slack.delivery;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.ChannelRefused;
import dev.mayday.outbox.ChannelSetUp;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.Publications;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.text.UserText;

import java.time.Clock;
import java.util.Optional;

/**
 * Gives a new incident its place in Slack: the channel (found before it is made again), its topic and invites (both
 * idempotent), the card and the announcement (each posted once, by tag, and recorded as soon as Slack returns it).
 * Every step can run again after a failure or a crash.
 */
public final class ChannelSetUpDelivery implements Delivery<ChannelSetUp> {

    private final SlackGateway slack;
    private final TaggedPosts posts;
    private final ChannelProvisioner provisioner;
    private final IncidentDirectory directory;
    private final IncidentCard card;
    private final Announcements announcements;
    private final DeclarationReplies replies;
    private final Database database;
    private final Clock clock;

    public ChannelSetUpDelivery(SlackGateway slack, TaggedPosts posts, ChannelProvisioner provisioner,
                                IncidentDirectory directory, IncidentCard card, Announcements announcements,
                                DeclarationReplies replies, Database database, Clock clock) {
        this.slack = slack;
        this.posts = posts;
        this.provisioner = provisioner;
        this.directory = directory;
        this.card = card;
        this.announcements = announcements;
        this.replies = replies;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void deliver(ChannelSetUp setUp, Attempt attempt) {
        long id = setUp.incidentId();
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
        slack.invite(channel, Invitees.of(slack.botUserId(), incident.people().declaredBy(), incident.lead(), incident.people().responder()));
        if (incident.place().card().isEmpty()) {
            Incident current = incident;
            directory.recordCard(id, posts.postOnce(channel, setUp.cardTag(), card.fallbackText(current),
                    card.blocks(current), attempt));
        }
        Optional<String> announceIn = announcements.channelFor(incident);
        if (announceIn.isPresent() && incident.place().announcement().isEmpty()) {
            Incident current = incident;
            directory.recordAnnouncement(id, posts.postOnce(announceIn.get(), setUp.announcementTag(),
                    announcements.text(current), announcements.blocks(current), attempt));
        }
        replies.settled(id, ":white_check_mark: " + (incident.isPractice() ? "Practice incident #" : "Incident #") + id
                + " is live in <#" + channel + ">.");
    }

    /**
     * Tells the declarer when their incident's channel is not made at the first try, rather than leaving them waiting;
     * a refusal that needs a person is also said once where it will be seen ({@link ChannelRefused}). Either way
     * the set-up goes on: the outbox retries it until the channel exists.
     */
    @Override
    public void failed(ChannelSetUp setUp, Attempt attempt, DeliveryError failure, boolean willRetry) {
        long id = setUp.incidentId();
        Optional<Incident> incident = directory.byId(id);
        if (incident.isEmpty() || incident.get().channel().isPresent()) {
            return;
        }
        if (failure.retrySlowly()) {
            ChannelRefused refused = new ChannelRefused(id, failure.reason());
            database.inTransaction(store -> Publications.enqueueOnce(store, refused, refused.uniqueKey(), clock.instant()));
        }
        if (!attempt.isRetry()) {
            replies.progress(id, ":hourglass: Incident #" + id + " is saved, but "
                    + (failure.retrySlowly() ? "Slack refused its channel" : "Slack is not answering") + " ("
                    + UserText.inert(failure.reason()) + "). Mayday keeps trying and will open the channel as soon as Slack lets it.");
        }
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
}
