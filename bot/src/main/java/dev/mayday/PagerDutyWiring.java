package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.Deliveries;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PagerAcknowledge;
import dev.mayday.outbox.PagerPage;
import dev.mayday.outbox.PagerPriority;
import dev.mayday.outbox.PagerReassign;
import dev.mayday.outbox.Publication;
import dev.mayday.pagerduty.PageDelivery;
import dev.mayday.pagerduty.PagerDutyPaging;
import dev.mayday.pagerduty.TwoWayDelivery;
import dev.mayday.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.PagerSync;
import dev.mayday.metrics.PagesAndReminders;
import dev.mayday.metrics.WebhookMeters;
import dev.mayday.pagerduty.CallPolicy;
import dev.mayday.pagerduty.PagerDutyClient;
import dev.mayday.pagerduty.PagerDutyEvents;
import dev.mayday.pagerduty.WebhookParser;
import dev.mayday.pagerduty.WebhookSignature;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** PagerDuty: the REST client when there is an API token, and the webhook endpoint (404 without a secret). */
final class PagerDutyWiring {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyWiring.class);

    private final PagerDutyConfig settings;
    private final Optional<PagerDutyClient> client;

    PagerDutyWiring(PagerDutyConfig settings, Clocks clocks, Opened opened) {
        this.settings = settings;
        this.client = settings.apiToken().map(token -> opened.add("the PagerDuty client",
                new PagerDutyClient(settings.apiUrl(), token, settings.fromEmail().orElse(null), CallPolicy.DEFAULT,
                        clocks.wall(), clocks.sleeper())));
    }

    Optional<PagerDutyClient> client() {
        return client;
    }

    PagerDutyConfig settings() {
        return settings;
    }

    /** The severities whose leads are paged at declaration: none when Mayday cannot page. */
    Set<Severity> leadPageSeverities() {
        return settings.canPage() ? settings.leadPageSeverities() : Set.of();
    }

    /** The deliveries of pages and of what Slack sends PagerDuty for a linked incident; skipping without a token. */
    void register(Deliveries deliveries, People people, IncidentDirectory directory, Database database, Clock clock,
                  PagesAndReminders sent) {
        if (client.isEmpty()) {
            deliveries.on(PagerPage.class, skipped()).on(PagerAcknowledge.class, skipped())
                    .on(PagerPriority.class, skipped()).on(PagerReassign.class, skipped());
            return;
        }
        TwoWayDelivery twoWay = new TwoWayDelivery(client.get(), settings.severityMap(), people, directory, database,
                clock);
        deliveries.on(PagerPage.class, new PageDelivery(new PagerDutyPaging(client.get()), settings.serviceId(), people,
                        directory, database, clock, sent))
                .on(PagerAcknowledge.class, twoWay.acknowledges())
                .on(PagerPriority.class, twoWay.priorities())
                .on(PagerReassign.class, twoWay.reassigns());
    }

    private static <T extends Publication> Delivery<T> skipped() {
        return (publication, attempt) -> log.info("Skipping {} for incident #{}: PAGERDUTY_API_TOKEN is not set",
                publication.getClass().getSimpleName(), publication.incident().orElse(0));
    }

    PagerDutyWebhookEndpoint webhook(Database database, IncidentService incidents, IncidentNotifier notifier,
                                     Clock clock, WebhookMeters meters) {
        return new PagerDutyWebhookEndpoint(settings.webhookSecret().map(WebhookSignature::new), new WebhookParser(),
                new PagerDutyEvents(settings.severityMap()), new PagerSync(database, incidents, notifier, clock),
                meters);
    }
}
