package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.ChannelRefused;
import dev.mayday.outbox.Delivery;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.Optional;

/**
 * Says that Slack refused an incident's channel and Mayday keeps asking: in {@code INCIDENTS_CHANNEL} for a public
 * incident, where responders would look for it; by direct message to the declarer for a private one (whose existence
 * is not for a public channel) or when there is no {@code INCIDENTS_CHANNEL}. The notice carries the number, severity
 * and Slack's error, never the title, so nothing a declarer typed lands in a channel it was not meant for.
 * <p>
 * "Once" is the outbox's: the notice is queued under a unique key per incident ({@link ChannelRefused#uniqueKey()}),
 * and posted by tag.
 */
public final class StalledChannelNotices implements Delivery<ChannelRefused> {

    private final TaggedPosts posts;
    private final Announcements announcements;
    private final IncidentDirectory directory;

    public StalledChannelNotices(TaggedPosts posts, Announcements announcements, IncidentDirectory directory) {
        this.posts = posts;
        this.announcements = announcements;
        this.directory = directory;
    }

    @Override
    public void deliver(ChannelRefused refused, Attempt attempt) {
        Optional<Incident> found = directory.byId(refused.incidentId());
        if (found.isEmpty() || attempt.result().isPresent()) {
            return;
        }
        Incident incident = found.get();
        Optional<String> publicly = announcements.channelFor(incident);
        Optional<String> where = publicly.or(() -> Optional.of(incident.people().declaredBy()).filter(Mentions::isUserId));
        if (where.isEmpty()) {
            return;
        }
        String text = ":warning: Incident #" + incident.id() + " (" + incident.severity().label() + ") has no channel "
                + "yet: Slack refused to create it (" + UserText.inert(refused.reason()) + "). The incident is saved and Mayday keeps asking every "
                + "few minutes; " + (publicly.isPresent() ? "its channel will be announced here" : "you will be invited")
                + " once it exists. If this lasts, a workspace admin may need to let the app create channels.";
        attempt.recordResult(posts.postOnce(where.get(), refused.tag(), text, null, attempt));
    }
}
