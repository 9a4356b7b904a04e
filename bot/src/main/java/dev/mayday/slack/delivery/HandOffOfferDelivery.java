package dev.mayday.slack.delivery;

import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.HandOffOffered;
import dev.mayday.outbox.Withdrawn;
import dev.mayday.rotation.HandOffs;
import dev.mayday.slack.views.HandOffMessage;

import java.util.Optional;

/**
 * Posts a hand-off offer in its incident's channel, once (tagged by its stint, looked for on a retry), and records the
 * message's ts for the button's answer. An offer whose lead changed before it could be posted is withdrawn, not posted.
 */
public final class HandOffOfferDelivery implements Delivery<HandOffOffered> {

    private final HandOffs handOffs;
    private final IncidentDirectory directory;
    private final TaggedPosts posts;

    public HandOffOfferDelivery(HandOffs handOffs, IncidentDirectory directory, TaggedPosts posts) {
        this.handOffs = handOffs;
        this.directory = directory;
        this.posts = posts;
    }

    @Override
    public void deliver(HandOffOffered offered, Attempt attempt) {
        HandOffs.Offer offer = handOffs.offer(offered.stint()).orElseThrow(() ->
                new IllegalStateException("no hand-off offer for stint " + offered.stint()));
        Optional<String> earlier = attempt.result();
        if (earlier.isPresent()) {
            handOffs.posted(offer, earlier.get());
            return;
        }
        Optional<String> channel = directory.byId(offer.incidentId()).flatMap(i -> i.channel());
        if (channel.isEmpty() || !handOffs.isCurrent(offer)) {
            throw new Withdrawn("the lead changed before the offer was posted");
        }
        String ts = posts.postOnce(channel.get(), offered.tag(), HandOffMessage.text(offer, handOffs.after()),
                HandOffMessage.blocks(offer, handOffs.after()), attempt);
        attempt.recordResult(ts);
        handOffs.posted(offer, ts);
    }
}
