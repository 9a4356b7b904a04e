package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.OnCallInvited;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invites the people PagerDuty has on call to the incident's channel, matched to Slack users by email, and says once
 * in the channel who was invited and who must be invited by hand (the line is posted by tag and recorded at once).
 */
public final class OnCallInvitedDelivery implements Delivery<OnCallInvited> {

    private final SlackGateway slack;
    private final TaggedPosts posts;
    private final IncidentDirectory directory;

    public OnCallInvitedDelivery(SlackGateway slack, TaggedPosts posts, IncidentDirectory directory) {
        this.slack = slack;
        this.posts = posts;
        this.directory = directory;
    }

    @Override
    public void deliver(OnCallInvited onCall, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return; // invited and told already; the attempt stopped before it was marked done
        }
        Incident incident = directory.byId(onCall.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("conversations.invite", SlackCallFailed.CHANNEL_NOT_READY, null));
        List<String> invited = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (OnCallInvited.Person person : onCall.onCall()) {
            Optional<String> email = person.knownEmail();
            Optional<String> slackUser = email.flatMap(slack::userIdByEmail);
            if (slackUser.isPresent()) {
                invited.add(slackUser.get());
            } else {
                // names and addresses are PagerDuty's text
                unmatched.add(UserText.inChannel(person.name() + email.map(e -> " (" + e + ")").orElse("")));
            }
        }
        slack.invite(channel, invited);
        if (!invited.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder text = new StringBuilder(":pager: On call in PagerDuty");
            if (!invited.isEmpty()) {
                text.append(": invited ").append(String.join(", ", invited.stream().map(Mentions::of).toList()));
            }
            if (!unmatched.isEmpty()) {
                text.append(invited.isEmpty() ? ": " : ". ").append("no Slack user matches ")
                        .append(String.join(", ", unmatched)).append(" — invite them by hand");
            }
            attempt.recordResult(posts.postOnce(channel, onCall.tag(), text.append('.').toString(), null, attempt));
        }
    }
}
