package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.metrics.PagesAndReminders;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.DeliveryError;
import dev.mayday.outbox.IncidentNotice;
import dev.mayday.outbox.PagerPage;
import dev.mayday.outbox.Publications;
import dev.mayday.people.People;
import dev.mayday.people.Person;
import dev.mayday.text.SlackMarkup;
import dev.mayday.text.UserText;

import java.time.Clock;
import java.util.Optional;

/**
 * Pages through PagerDuty's REST API: finds who or what to page (a Slack user's PagerDuty user by email, or a service
 * by name), creates the PagerDuty incident with the page's incident_key, links it to the incident, and queues one line
 * for the channel saying who was paged (or why nobody could be). The PagerDuty incident's id is recorded on the row as
 * soon as PagerDuty answers; a try cut short before that looks the incident up by its key first, so nobody is paged
 * twice.
 */
public final class PageDelivery implements Delivery<PagerPage> {

    private final PagesAndReminders sent;
    private final PagerDutyPaging paging;
    private final Optional<String> serviceId;
    private final People people;
    private final IncidentDirectory directory;
    private final Database database;
    private final Clock clock;
    private final FailureNotices notices;

    public PageDelivery(PagerDutyPaging paging, Optional<String> serviceId, People people, IncidentDirectory directory,
                        Database database, Clock clock, PagesAndReminders sent) {
        this.paging = paging;
        this.sent = sent;
        this.serviceId = serviceId;
        this.people = people;
        this.directory = directory;
        this.database = database;
        this.clock = clock;
        this.notices = new FailureNotices(directory, database, clock);
    }

    @Override
    public void deliver(PagerPage page, Attempt attempt) {
        if (attempt.result().isPresent()) {
            return; // paged, linked and told already; the try stopped before the row was marked done
        }
        Incident incident = directory.byId(page.incidentId()).orElseThrow();
        Optional<PageRequest> request = page.person() != null ? toPerson(page, incident, attempt)
                : toService(page, incident, attempt);
        if (request.isEmpty()) {
            return;
        }
        PagerDutyIncident paged = paging.page(request.get(), attempt.isRetry());
        database.inTransaction(store -> {
            store.pagerDuty().addLink(page.incidentId(), paged.id(), paged.htmlUrl(), clock.millis());
            return tell(store, page, attempt, ":pager: Paged " + target(page) + " through PagerDuty"
                    + (page.message().isEmpty() ? "" : " (\u201c" + UserText.inChannel(page.message()) + "\u201d)")
                    + ": " + UserText.inChannel("<" + paged.htmlUrl() + ">") + ".");
        });
        attempt.recordResult(paged.id());
        sent.pageSent();
    }

    @Override
    public void failed(PagerPage page, Attempt attempt, DeliveryError failure, boolean willRetry) {
        notices.failed(page.incidentId(), "page " + target(page) + " through PagerDuty", failure, attempt.isRetry(),
                willRetry);
    }

    private Optional<PageRequest> toPerson(PagerPage page, Incident incident, Attempt attempt) {
        if (serviceId.isEmpty()) {
            told(page, attempt, ":warning: Could not page " + target(page) + ": PAGERDUTY_SERVICE_ID is not set, so "
                    + "there is no service to open the page on.");
            return Optional.empty();
        }
        Optional<Person> person = people.lookUp(page.person());
        Optional<String> email = person.flatMap(Person::email);
        if (email.isEmpty()) {
            told(page, attempt, ":warning: Could not page " + target(page) + ": Slack shows no email for them, "
                    + "so no PagerDuty user can be matched. Page them in PagerDuty.");
            return Optional.empty();
        }
        Optional<PagerDutyUser> user = paging.userByEmail(email.get());
        if (user.isEmpty()) {
            told(page, attempt, ":warning: Could not page " + target(page) + ": no PagerDuty user has the email "
                    + UserText.inChannel(email.get()) + ". Page them in PagerDuty.");
            return Optional.empty();
        }
        return Optional.of(new PageRequest(serviceId.get(), title(incident), details(page), page.incidentKey(),
                Optional.of(user.get().id()), Optional.empty()));
    }

    private Optional<PageRequest> toService(PagerPage page, Incident incident, Attempt attempt) {
        Optional<PagerDutyService> service = paging.serviceNamed(page.service());
        if (service.isEmpty()) {
            told(page, attempt, ":warning: Could not page " + target(page) + ": PagerDuty has no service by that "
                    + "name.");
            return Optional.empty();
        }
        return Optional.of(new PageRequest(service.get().id(), title(incident), details(page), page.incidentKey(),
                Optional.empty(), Optional.of(service.get().escalationPolicyId()).filter(id -> !id.isBlank())));
    }

    private void told(PagerPage page, Attempt attempt, String text) {
        database.inTransaction(store -> tell(store, page, attempt, text));
    }

    /** Queues the channel's line about this page once, however often the row is tried. */
    private boolean tell(Database.Store store, PagerPage page, Attempt attempt, String text) {
        return Publications.enqueueOnce(store, new IncidentNotice(page.incidentId(), text),
                "page-notice/" + attempt.rowId(), clock.instant());
    }

    private static String target(PagerPage page) {
        return page.person() != null ? SlackMarkup.mention(page.person())
                : "the PagerDuty service *" + UserText.inChannel(page.service()) + "*";
    }

    private static String title(Incident incident) {
        return "[Mayday #" + incident.id() + "] " + incident.severity().label() + " " + incident.title();
    }

    private static String details(PagerPage page) {
        return (page.message().isEmpty() ? "" : page.message() + "\n\n") + "Paged from Slack by "
                + (SlackMarkup.isUserId(page.pagedBy()) ? "Slack user " + page.pagedBy() : page.pagedBy())
                + " through Mayday.";
    }
}
