package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.Publication;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.slack.Mentions;
import dev.mayday.slack.SlackCallFailed;
import dev.mayday.slack.SlackGateway;
import dev.mayday.text.UserText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the PagerDuty lane of the outbox: resolves and notes made in Slack go to PagerDuty, and a new
 * incident's on-call responders are found in PagerDuty and invited to its Slack channel. PagerDuty failing never
 * stops Slack: these rows have their own lane, and the channel is told when PagerDuty did not take a change.
 */
public final class PagerDutyDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyDelivery.class);

    private final Optional<PagerDutyClient> pagerDuty;
    private final SlackGateway slack;
    private final IncidentDirectory directory;
    private final Database database;

    public PagerDutyDelivery(Optional<PagerDutyClient> pagerDuty, SlackGateway slack, IncidentDirectory directory,
                             Database database) {
        this.pagerDuty = pagerDuty;
        this.slack = slack;
        this.directory = directory;
        this.database = database;
    }

    @Override
    public void deliver(OutboxRow row) {
        if (pagerDuty.isEmpty()) {
            log.info("Skipping {} for incident #{}: PAGERDUTY_API_TOKEN is not set", row.kind(), row.incidentId());
            return;
        }
        PagerDutyClient client = pagerDuty.get();
        switch (Publication.valueOf(row.kind())) {
            case PAGER_RESOLVE -> client.updateStatus(pagerId(row), PagerDutyStatus.RESOLVED);
            case PAGER_NOTE -> {
                if (row.postedTs() == null) {
                    String pagerId = pagerId(row);
                    String content = row.text() + " (" + Mentions.of(row.actor()) + " via Mayday)";
                    Optional<String> earlier = row.attempts() > 0 ? earlierNote(client, pagerId, content)
                            : Optional.empty();
                    String noteId = earlier.orElseGet(() -> client.createNote(pagerId, content));
                    database.inTransaction(store -> store.outbox().recordPosted(row.id(), noteId));
                }
            }
            case PAGER_RESPONDERS -> inviteOnCall(client, row);
            default -> throw new IllegalArgumentException("not a PagerDuty publication: " + row.kind());
        }
    }

    @Override
    public void failed(OutboxRow row, DeliveryError failure, boolean willRetry) {
        if (row.attempts() > 0 && willRetry) {
            return;
        }
        Optional<String> channel = directory.byId(row.incidentId()).flatMap(Incident::channel);
        if (channel.isEmpty()) {
            return;
        }
        String what = switch (Publication.valueOf(row.kind())) {
            case PAGER_RESOLVE -> "resolve the PagerDuty incident";
            case PAGER_NOTE -> "add the note to PagerDuty";
            default -> "invite PagerDuty's on-call responders";
        };
        String text = ":warning: Mayday could not " + what + " (" + UserText.inChannel(failure.reason()) + "). "
                + (willRetry ? "It keeps trying." : "Nothing more will be tried; please do it in PagerDuty.");
        try {
            slack.postMessage(channel.get(), text, null);
        } catch (SlackCallFailed e) {
            log.warn("Could not tell incident #{} that PagerDuty failed: {}", row.incidentId(), e.getMessage());
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

    private void inviteOnCall(PagerDutyClient client, OutboxRow row) {
        if (row.postedTs() != null) {
            return; // invited and told already; the attempt stopped before it was marked done
        }
        Incident incident = directory.byId(row.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("conversations.invite", SlackCallFailed.CHANNEL_NOT_READY, null));
        List<String> invited = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (OnCall onCall : client.listOncalls(row.text())) {
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
            String ts = postOnce(row, channel, text.append('.').toString());
            database.inTransaction(store -> store.outbox().recordPosted(row.id(), ts));
        }
    }

    /**
     * Posts the on-call line unless an earlier attempt of this row did: attempts are counted before they start, so a
     * retry after a crash (or an ambiguous failure) looks for the line's delivery tag in the channel first.
     */
    private String postOnce(OutboxRow row, String channel, String text) {
        String tag = "oncall-" + row.id();
        if (row.attempts() > 0) {
            try {
                Optional<String> earlier = slack.findTagged(channel, tag, Instant.ofEpochMilli(row.createdAt()));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            } catch (SlackCallFailed e) {
                log.warn("Could not look for an earlier on-call line of incident #{}: {}", row.incidentId(),
                        e.getMessage());
            }
        }
        return slack.postTagged(channel, text, null, tag);
    }

    private String pagerId(OutboxRow row) {
        return database.read(store -> store.pagerDuty().pagerIdOf(row.incidentId())).orElseThrow();
    }
}
