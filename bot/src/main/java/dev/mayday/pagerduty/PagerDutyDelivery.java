package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.OnCallInvited;
import dev.mayday.outbox.PagerNote;
import dev.mayday.outbox.PagerResolve;
import dev.mayday.outbox.PagerResponders;
import dev.mayday.outbox.Publication;
import dev.mayday.outbox.Publications;
import dev.mayday.text.SlackMarkup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the PagerDuty publications: resolves and notes made in Slack go to PagerDuty, and a new incident's on-call
 * responders are looked up in PagerDuty. PagerDuty failing never stops Slack: these publications have their own lane.
 * What Slack must show in turn (who is on call, that PagerDuty did not take a change) is queued as a publication of its
 * own ({@link OnCallInvited}, {@link IncidentNotice}), so this package never talks to Slack.
 */
public final class PagerDutyDelivery {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyDelivery.class);

    private final Optional<PagerDutyClient> pagerDuty;
    private final IncidentDirectory directory;
    private final Database database;
    private final Clock clock;
    private final FailureNotices notices;

    public PagerDutyDelivery(Optional<PagerDutyClient> pagerDuty, IncidentDirectory directory, Database database,
                             Clock clock) {
        this.pagerDuty = pagerDuty;
        this.directory = directory;
        this.database = database;
        this.clock = clock;
        this.notices = new FailureNotices(directory, database, clock);
    }

    public Delivery<PagerResolve> resolves() {
        return new Step<>("resolve the PagerDuty incident") {
            @Override
            void deliver(PagerDutyClient client, PagerResolve resolve, Attempt attempt) {
                // its mirror and every page linked to it; 1001 (resolved already) counts as done
                for (String pagerId : database.read(store -> store.pagerDuty().pagerIdsOf(resolve.incidentId()))) {
                    client.updateStatus(pagerId, PagerDutyStatus.RESOLVED);
                }
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
                String content = note.text() + " (" + SlackMarkup.mention(note.author()) + " via Mayday)";
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
            notices.failed(publication.incident().orElseThrow(), what, failure, attempt.isRetry(), willRetry);
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

    /**
     * Looks up who is on call and queues, once per responders row, the Slack side of it: inviting them and saying so.
     * A retry of this row (cut short after queueing) finds the line queued already.
     */
    private void inviteOnCall(PagerDutyClient client, PagerResponders responders, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return; // a row from before the on-call line was a publication of its own: it was posted already
        }
        List<OnCallInvited.Person> onCall = client.listOncalls(responders.escalationPolicyId()).stream()
                .map(person -> new OnCallInvited.Person(person.name(),
                        person.email().or(() -> client.getUser(person.userId()).email()).orElse(null)))
                .toList();
        if (onCall.isEmpty()) {
            return;
        }
        OnCallInvited invited = new OnCallInvited(responders.incidentId(), attempt.rowId(), onCall);
        database.inTransaction(store -> Publications.enqueueOnce(store, invited, invited.uniqueKey(), clock.instant()));
    }

    private String pagerId(long incidentId) {
        return database.read(store -> store.pagerDuty().pagerIdOf(incidentId)).orElseThrow();
    }
}
