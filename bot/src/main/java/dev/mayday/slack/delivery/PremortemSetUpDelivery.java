package dev.mayday.slack.delivery;

import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PremortemSetUp;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.premortem.Premortems;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.PremortemCard;

/**
 * Gives a pre-mortem its channel exactly as an incident gets one ({@link ChannelProvisioner}: names claimed in the
 * store before Slack is asked, only the bot's own earlier attempt adopted), invites the person who opened it and posts
 * its card once, by tag. Every step can run again after a failure or a crash.
 */
public final class PremortemSetUpDelivery implements Delivery<PremortemSetUp> {

    private final SlackGateway slack;
    private final TaggedPosts posts;
    private final ChannelProvisioner provisioner;
    private final Premortems premortems;
    private final PremortemRisks risks;
    private final PremortemCard card;

    public PremortemSetUpDelivery(SlackGateway slack, TaggedPosts posts, ChannelProvisioner provisioner,
                                  Premortems premortems, PremortemRisks risks, PremortemCard card) {
        this.slack = slack;
        this.posts = posts;
        this.provisioner = provisioner;
        this.premortems = premortems;
        this.risks = risks;
        this.card = card;
    }

    @Override
    public void deliver(PremortemSetUp setUp, Attempt attempt) {
        long id = setUp.premortemId();
        Premortem premortem = premortems.byId(id).orElseThrow();
        if (premortem.channelId().isEmpty()) {
            ChannelProvisioner.ChannelRef channel = provision(premortem);
            if (!premortems.attachChannel(id, channel.id(), channel.name())) {
                throw new ChannelSetUpStalled("channel_belongs_to_another_owner", null);
            }
            premortem = premortems.byId(id).orElseThrow();
        }
        String channel = premortem.channelId().orElseThrow();
        slack.invite(channel, Invitees.of(slack.botUserId(), premortem.openedBy()));
        if (premortem.cardTs().isEmpty()) {
            Premortem current = premortem;
            premortems.recordCard(id, posts.postOnce(channel, premortem.cardTag(), card.fallbackText(current),
                    card.blocks(current, risks.of(id)), attempt));
        }
    }

    private ChannelProvisioner.ChannelRef provision(Premortem premortem) {
        try {
            return provisioner.provision(new ChannelProvisioner.ChannelRequest(ChannelPrefix.PREMORTEM, premortem.id(),
                    premortem.change(), premortem.openedAt(), premortem.isPrivate()));
        } catch (SlackCallFailed e) {
            if (e.isTransient()) {
                throw e;
            }
            throw new ChannelSetUpStalled(e.error(), e);
        }
    }
}
