package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.PagerSync;
import dev.mayday.metrics.WebhookMeters;
import dev.mayday.pagerduty.CallPolicy;
import dev.mayday.pagerduty.PagerDutyClient;
import dev.mayday.pagerduty.PagerDutyEvents;
import dev.mayday.pagerduty.WebhookParser;
import dev.mayday.pagerduty.WebhookSignature;

import java.time.Clock;
import java.util.Optional;

/** PagerDuty: the REST client when there is an API token, and the webhook endpoint (404 without a secret). */
final class PagerDutyWiring {

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

    PagerDutyWebhookEndpoint webhook(Database database, IncidentService incidents, IncidentNotifier notifier,
                                     Clock clock, WebhookMeters meters) {
        return new PagerDutyWebhookEndpoint(settings.webhookSecret().map(WebhookSignature::new), new WebhookParser(),
                new PagerDutyEvents(settings.severityMap()), new PagerSync(database, incidents, notifier, clock),
                meters);
    }
}
