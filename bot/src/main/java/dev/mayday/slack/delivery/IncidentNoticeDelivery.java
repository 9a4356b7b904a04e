package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.IncidentNotice;

import java.util.Optional;

/** Says a notice in the incident's channel, once (by tag, recorded at once); nothing when it has no channel. */
public final class IncidentNoticeDelivery implements Delivery<IncidentNotice> {

    private final TaggedPosts posts;
    private final IncidentDirectory directory;

    public IncidentNoticeDelivery(TaggedPosts posts, IncidentDirectory directory) {
        this.posts = posts;
        this.directory = directory;
    }

    @Override
    public void deliver(IncidentNotice notice, Attempt attempt) {
        Optional<String> channel = directory.byId(notice.incidentId()).flatMap(Incident::channel);
        if (attempt.result().isPresent() || channel.isEmpty()) {
            return;
        }
        attempt.recordResult(posts.postOnce(channel.get(), notice.tag(attempt.rowId()), notice.text(), null, attempt));
    }
}
