package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.Publication;
import dev.mayday.slack.Mentions;
import dev.mayday.slack.SlackCallFailed;
import dev.mayday.slack.SlackGateway;
import dev.mayday.slack.TaggedPosts;
import dev.mayday.text.UserText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the PagerDuty publications: resolves and notes made in Slack go to PagerDuty, and a new incident's on-call
 * responders are found in PagerDuty and invited to its Slack channel. PagerDuty failing never stops Slack: these
 * publications have their own lane, and the channel is told when PagerDuty did not take a change.
 */
public final class PagerDutyDelivery {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyDelivery.class);

    private final Optional<PagerDutyClient> pagerDuty;
    private final SlackGateway slack;
    private final TaggedPosts posts;
    private final IncidentDirectory directory;
    private final Database database;

    public PagerDutyDelivery(Optional<PagerDutyClient> pagerDuty, SlackGateway slack, IncidentDirectory directory,
                             Database database) {
        this.pagerDuty = pagerDuty;
        this.slack = slack;
        this.posts = new TaggedPosts(slack);
        this.directory = directory;
        this.database = database;
    }

    public Delivery<PagerResolve> resolves() {
        return new Step<>("resolve the PagerDuty incident") {
            @Override
            void deliver(PagerDutyClient client, PagerResolve resolve, Attempt attempt) {
                client.updateStatus(pagerId(resolve.incidentId()), PagerDutyStatus.RESOLVED);
            }
        };
    }

    public Delivery<PagerNote> notes() {
        return new Step<>("add the note to PagerDuty") {
            @Override
            void deliver(PagerDutyClient client, PagerNote note, Attempt attempt) {
                if (attempt.result().isPresent()) {
                    return;
                }
                String pagerId = pagerId(note.incidentId());
                String content = note.text() + " (" + Mentions.of(note.author()) + " via Mayday)";
                Optional<String> earlier = attempt.isRetry() ? earlierNote(client, pagerId, content) : Optional.empty();
                attempt.recordResult(earlier.orElseGet(() -> client.createNote(pagerId, content)));
            }
        };
    }

    public Delivery<PagerResponders> responders() {
        return new Step<>("invite PagerDuty's on-call responders") {
            @Override
            void deliver(PagerDutyClient client, PagerResponders responders, Attempt attempt) {
                inviteOnCall(client, responders, attempt);
            }
        };
    }

    /** One PagerDuty publication type; skipped without a token, and a failure is told in the incident's channel. */
    private abstract class Step<T extends Publication> implements Delivery<T> {

        private final String what;

        Step(String what) {
            this.what = what;
        }

        abstract void deliver(PagerDutyClient client, T publication, Attempt attempt);

        @Override
        public void deliver(T publication, Attempt attempt) {
            if (pagerDuty.isEmpty()) {
                log.info("Skipping {} for incident #{}: PAGERDUTY_API_TOKEN is not set",
                        publication.getClass().getSimpleName(), publication.incident().orElse(0));
                return;
            }
            deliver(pagerDuty.get(), publication, attempt);
        }

        @Override
        public void failed(T publication, Attempt attempt, DeliveryError failure, boolean willRetry) {
            if (attempt.isRetry() && willRetry) {
                return;
            }
            Optional<String> channel = directory.byId(publication.incident().orElseThrow()).flatMap(Incident::channel);
            if (channel.isEmpty()) {
                return;
            }
            String text = ":warning: Mayday could not " + what + " (" + UserText.inChannel(failure.reason()) + "). "
                    + (willRetry ? "It keeps trying." : "Nothing more will be tried; please do it in PagerDuty.");
            try {
                slack.postMessage(channel.get(), text, null);
            } catch (SlackCallFailed e) {
                log.warn("Could not tell incident #{} that PagerDuty failed: {}", publication.incident().orElseThrow(),
                        e.getMessage());
            }
        }
    }

    /**
     * PagerDuty has no idempotency key for notes, and an earlier attempt of this row may have been cut short after
     * PagerDuty took the note (a crash before its id was stored, a 5xx or a timeout): that note is the one with this
     * content that no other row has recorded as its own. Rows of one incident are delivered one at a time, in order.
     */
    private Optional<String> earlierNote(PagerDutyClient client, String pagerId, String content) {
        return client.listNotes(pagerId).stream()
                .filter(note -> note.content().equals(content))
                .map(PagerDutyNote::id)
                .filter(id -> database.read(store -> store.pagerDuty().isOwnNote(id)) == 0)
                .findFirst();
    }

    private void inviteOnCall(PagerDutyClient client, PagerResponders responders, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return; // invited and told already; the attempt stopped before it was marked done
        }
        Incident incident = directory.byId(responders.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("conversations.invite", SlackCallFailed.CHANNEL_NOT_READY, null));
        List<String> invited = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (OnCall onCall : client.listOncalls(responders.escalationPolicyId())) {
            Optional<String> email = onCall.email().or(() -> client.getUser(onCall.userId()).email());
            Optional<String> slackUser = email.flatMap(slack::userIdByEmail);
            if (slackUser.isPresent()) {
                invited.add(slackUser.get());
            } else {
                // names and addresses are PagerDuty's text
                unmatched.add(UserText.inChannel(onCall.name() + email.map(e -> " (" + e + ")").orElse("")));
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
            attempt.recordResult(posts.postOnce(channel, "oncall-" + attempt.rowId(), text.append('.').toString(), null,
                    attempt));
        }
    }

    private String pagerId(long incidentId) {
        return database.read(store -> store.pagerDuty().pagerIdOf(incidentId)).orElseThrow();
    }
}
