package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.ChangePosted;
import dev.mayday.outbox.Delivery;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.ChangeMessages;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.timeline.TimelineKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * Says one change in the incident's channel (posted once, by tag, its ts recorded as soon as Slack returns it), then
 * brings the card (unless the change is a note or an update), and for the changes it shows, the topic and the
 * announcement, up to date (each idempotent), unless a change waiting behind it will.
 */
public final class ChangePostedDelivery implements Delivery<ChangePosted> {

    /**
     * Notes and updates are said in the channel but change nothing the card shows (it is built from the incident
     * alone): the card is left as it is, which spares Slack's rate-limited {@code chat.update} in a busy incident.
     */
    private static final Set<TimelineKind> LEAVES_CARD = EnumSet.of(TimelineKind.NOTE_ADDED,
            TimelineKind.UPDATE_POSTED);
    private static final Set<TimelineKind> CHANGES_TOPIC = EnumSet.of(TimelineKind.SEVERITY_CHANGED,
            TimelineKind.STATUS_CHANGED, TimelineKind.LEAD_CHANGED, TimelineKind.RESOLVED, TimelineKind.CLOSED);

    private final SlackGateway slack;
    private final TaggedPosts posts;
    private final IncidentDirectory directory;
    private final IncidentCard card;
    private final Announcements announcements;

    public ChangePostedDelivery(SlackGateway slack, TaggedPosts posts, IncidentDirectory directory, IncidentCard card,
                                Announcements announcements) {
        this.slack = slack;
        this.posts = posts;
        this.directory = directory;
        this.card = card;
        this.announcements = announcements;
    }

    @Override
    public void deliver(ChangePosted change, Attempt attempt) {
        Incident incident = directory.byId(change.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("chat.postMessage", "incident_has_no_channel", null));
        TimelineKind kind = change.kind();
        if (kind == TimelineKind.LEAD_CHANGED) {
            slack.invite(channel, Invitees.of(slack.botUserId(), incident.lead()));
        }
        if (attempt.result().isEmpty()) {
            attempt.recordResult(posts.postOnce(channel, change.tag(attempt.rowId()),
                    ChangeMessages.describe(kind, change.actor(), change.text()), null, attempt));
        }
        if (LEAVES_CARD.contains(kind) || refreshedBehind(attempt)) {
            return;
        }
        incident.place().card().ifPresent(ts -> slack.updateMessage(channel, ts, card.fallbackText(incident),
                card.blocks(incident)));
        if (CHANGES_TOPIC.contains(kind)) {
            slack.setTopic(channel, card.topic(incident));
            announcements.refresh(incident);
        }
    }

    /**
     * A change of the topic's kind waits behind this one in the incident's lane: it will bring the card, the topic and
     * the announcement up to date from the incident as it is then, so doing it here too would only be overwritten. A
     * burst of changes (PagerDuty acknowledging and resolving, a run of commands while Slack was away) refreshes them
     * once.
     */
    private static boolean refreshedBehind(Attempt attempt) {
        return attempt.waitingBehind().stream()
                .anyMatch(later -> later instanceof ChangePosted change && CHANGES_TOPIC.contains(change.kind()));
    }
}
