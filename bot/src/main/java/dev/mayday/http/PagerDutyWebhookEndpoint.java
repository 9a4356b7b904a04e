package dev.mayday.http;

import dev.mayday.incident.PagerSync;
import dev.mayday.metrics.WebhookMeters;
import dev.mayday.metrics.WebhookMeters.Outcome;
import dev.mayday.pagerduty.MalformedWebhook;
import dev.mayday.pagerduty.PagerDutyEvents;
import dev.mayday.pagerduty.WebhookEvent;
import dev.mayday.pagerduty.WebhookParser;
import dev.mayday.pagerduty.WebhookSignature;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /pagerduty/webhook} (PagerDuty Webhooks v3). Verified, stored and answered within milliseconds; the
 * Slack and PagerDuty work it causes goes through the outbox. Answers: 404 when no webhook secret is configured,
 * 401 for a missing or wrong signature, 400 for a body that is not a webhook, 202 otherwise (also for repeats and
 * event types Mayday does not act on, so PagerDuty does not retry them), and 503 when the store fails: PagerDuty
 * drops 4xx deliveries and disables a subscription after three in a row, but retries 5xx.
 */
public final class PagerDutyWebhookEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyWebhookEndpoint.class);

    private final Optional<WebhookSignature> signature;
    private final WebhookParser parser;
    private final PagerDutyEvents events;
    private final PagerSync sync;
    private final WebhookMeters meters;

    public PagerDutyWebhookEndpoint(Optional<WebhookSignature> signature, WebhookParser parser, PagerDutyEvents events,
                                    PagerSync sync, WebhookMeters meters) {
        this.signature = signature;
        this.parser = parser;
        this.events = events;
        this.sync = sync;
        this.meters = meters;
    }

    public void handle(Context ctx) {
        if (signature.isEmpty()) {
            meters.received(Outcome.NOT_CONFIGURED);
            ctx.status(404).json(Map.of("error", "the PagerDuty webhook is not configured (PAGERDUTY_WEBHOOK_SECRET)"));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (!signature.get().verify(body, ctx.header(WebhookSignature.HEADER))) {
            meters.received(Outcome.BAD_SIGNATURE);
            ctx.status(401).json(Map.of("error", "invalid or missing X-PagerDuty-Signature"));
            return;
        }
        WebhookEvent event;
        try {
            event = parser.parse(body);
        } catch (MalformedWebhook e) {
            meters.received(Outcome.MALFORMED);
            ctx.status(400).json(Map.of("error", "malformed webhook: " + e.reason()));
            return;
        }
        try {
            Outcome result = events.translate(event).map(sync::handle)
                    .map(outcome -> outcome.isRepeat() ? Outcome.REPEAT : Outcome.ACCEPTED).orElse(Outcome.IGNORED);
            meters.received(result);
            ctx.status(202).json(Map.of("status", result.name().toLowerCase(Locale.ROOT), "event", event.id()));
        } catch (RuntimeException e) {
            meters.received(Outcome.STORE_FAILED);
            log.error("Could not store PagerDuty event {}", event.id(), e);
            ctx.status(503).json(Map.of("error", "could not store the event; please retry"));
        }
    }
}
