package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.PagerAcknowledge;
import dev.mayday.outbox.PagerPriority;
import dev.mayday.outbox.PagerReassign;
import dev.mayday.outbox.Publication;
import dev.mayday.outbox.Publications;
import dev.mayday.people.People;
import dev.mayday.people.Person;
import dev.mayday.text.SlackMarkup;
import dev.mayday.text.UserText;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What people do in Slack that PagerDuty must hear of, for a linked incident: the lead's first action acknowledges
 * its PagerDuty incidents (PagerDuty stops escalating), a severity change sets the mirrored incident's priority, and a
 * hand-off reassigns it to the new lead's PagerDuty user. Each call repeats harmlessly, so a retry simply sends again.
 */
public final class TwoWayDelivery {

    private final PagerDutyClient client;
    private final PagerDutyPaging paging;
    private final SeverityMapping severities;
    private final People people;
    private final Database database;
    private final FailureNotices notices;
    private final Clock clock;

    public TwoWayDelivery(PagerDutyClient client, SeverityMapping severities, People people,
                          IncidentDirectory directory, Database database, Clock clock) {
        this.client = client;
        this.paging = new PagerDutyPaging(client);
        this.severities = severities;
        this.people = people;
        this.database = database;
        this.notices = new FailureNotices(directory, database, clock);
        this.clock = clock;
    }

    public Delivery<PagerAcknowledge> acknowledges() {
        return new Told<>("acknowledge the PagerDuty incident") {
            @Override
            public void deliver(PagerAcknowledge acknowledge, Attempt attempt) {
                for (String pagerId : linked(acknowledge.incidentId())) {
                    client.updateStatus(pagerId, PagerDutyStatus.ACKNOWLEDGED); // 1001/1002 count as done
                }
            }
        };
    }

    public Delivery<PagerPriority> priorities() {
        return new Told<>("set the PagerDuty incident's priority") {
            @Override
            public void deliver(PagerPriority priority, Attempt attempt) {
                Optional<String> pagerId = mirror(priority.incidentId());
                Severity severity = Severity.valueOf(priority.severity());
                Optional<String> priorityId = pagerId.isEmpty() ? Optional.empty()
                        : severities.sourcesOf(severity).stream().map(paging::priorityId).flatMap(Optional::stream)
                                .findFirst();
                pagerId.ifPresent(id -> priorityId.ifPresent(p -> paging.setPriority(id, p)));
            }
        };
    }

    public Delivery<PagerReassign> reassigns() {
        return new Told<>("reassign the PagerDuty incident to the new lead") {
            @Override
            public void deliver(PagerReassign reassign, Attempt attempt) {
                Optional<String> pagerId = mirror(reassign.incidentId());
                if (pagerId.isEmpty()) {
                    return;
                }
                Optional<String> email = people.lookUp(reassign.newLead()).flatMap(Person::email);
                Optional<PagerDutyUser> user = email.flatMap(paging::userByEmail);
                if (user.isPresent()) {
                    paging.reassign(pagerId.get(), user.get().id());
                    return;
                }
                String text = ":warning: The PagerDuty incident stays with whoever held it: no PagerDuty user matches "
                        + SlackMarkup.mention(reassign.newLead())
                        + email.map(e -> " (" + UserText.inChannel(e) + ")").orElse(" (Slack shows no email)") + ".";
                database.inTransaction(store -> Publications.enqueueOnce(store,
                        new IncidentNotice(reassign.incidentId(), text), "reassign-notice/" + attempt.rowId(),
                        clock.instant()));
            }
        };
    }

    private List<String> linked(long incidentId) {
        return database.read(store -> store.pagerDuty().pagerIdsOf(incidentId));
    }

    private Optional<String> mirror(long incidentId) {
        return database.read(store -> store.pagerDuty().pagerIdOf(incidentId));
    }

    /** A delivery whose failure is told in the incident's channel. */
    private abstract class Told<T extends Publication> implements Delivery<T> {

        private final String what;

        Told(String what) {
            this.what = what;
        }

        @Override
        public void failed(T publication, Attempt attempt, DeliveryError failure, boolean willRetry) {
            notices.failed(publication.incident().orElseThrow(), what, failure, attempt.isRetry(), willRetry);
        }
    }
}
