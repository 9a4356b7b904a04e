package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.StakeholderUpdate;

import java.time.Instant;
import java.util.Optional;

/**
 * Says a public incident's status update where stakeholders follow it: a reply in the thread of its announcement
 * (once, by tag, its ts recorded as soon as Slack returns it), then the announcement itself, which shows the latest
 * update. Nothing is posted for an incident that is not announced (private, or no {@code INCIDENTS_CHANNEL}).
 */
public final class StakeholderUpdateDelivery implements Delivery<StakeholderUpdate> {

    private final TaggedPosts posts;
    private final IncidentDirectory directory;
    private final Announcements announcements;

    public StakeholderUpdateDelivery(TaggedPosts posts, IncidentDirectory directory, Announcements announcements) {
        this.posts = posts;
        this.directory = directory;
        this.announcements = announcements;
    }

    @Override
    public void deliver(StakeholderUpdate update, Attempt attempt) {
        Incident incident = directory.byId(update.incidentId()).orElseThrow();
        Optional<String> channel = announcements.channelFor(incident);
        Optional<String> announcement = incident.place().announcement();
        if (channel.isEmpty() || announcement.isEmpty()) {
            return;
        }
        if (attempt.result().isEmpty()) {
            attempt.recordResult(posts.replyOnce(channel.get(), announcement.get(), update.tag(attempt.rowId()),
                    announcements.threadReply(update.text(), Instant.ofEpochMilli(update.postedAt())), attempt));
        }
        announcements.refresh(incident);
    }
}
