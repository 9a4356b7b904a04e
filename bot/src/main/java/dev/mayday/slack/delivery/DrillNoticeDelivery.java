package dev.mayday.slack.delivery;

import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DrillNotice;
import dev.mayday.outbox.Withdrawn;
import dev.mayday.text.UserText;

import java.util.Optional;

/**
 * Posts a restore drill notice in the digest channel, or the incidents channel when there is no digest channel. The
 * text is Mayday's own, but it names files and carries SQLite's messages, so it is made inert like any outside text.
 */
public final class DrillNoticeDelivery implements Delivery<DrillNotice> {

    private final TaggedPosts posts;
    private final Optional<String> channel;

    public DrillNoticeDelivery(TaggedPosts posts, Optional<String> digestChannel, Optional<String> incidentsChannel) {
        this.posts = posts;
        this.channel = digestChannel.or(() -> incidentsChannel);
    }

    @Override
    public void deliver(DrillNotice notice, Attempt attempt) {
        String to = channel.orElseThrow(() -> new Withdrawn("neither DIGEST_CHANNEL nor INCIDENTS_CHANNEL is set"));
        posts.postOnce(to, notice.tag(), UserText.inert(notice.text()), null, attempt);
    }
}
