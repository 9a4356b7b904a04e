package dev.mayday.faults;

import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The PagerDuty side of the crash test's traffic: pages, events on them, and PagerDuty's redeliveries. */
final class PagerDutyTraffic {

    private final FakePagerDuty fake;
    private final WebhookDeliveries webhooks;
    private final Ledger ledger;
    private final AtomicInteger sequence;
    private final List<SentWebhook> sentWebhooks = new CopyOnWriteArrayList<>();

    private record SentWebhook(SignedWebhook webhook, String pagerId, String noteContent) {
    }

    PagerDutyTraffic(FakePagerDuty fake, WebhookDeliveries webhooks, Ledger ledger, AtomicInteger sequence) {
        this.fake = fake;
        this.webhooks = webhooks;
        this.ledger = ledger;
        this.sequence = sequence;
    }

    boolean hasSent() {
        return !sentWebhooks.isEmpty();
    }

    /** @return whether Mayday accepted the page (202) */
    boolean page(URI endpoint) {
        int n = sequence.incrementAndGet();
        PdIncident incident = fake.addIncident("PCRASH" + n, "Crash page " + n);
        return sendWebhook(endpoint, new SentWebhook(webhooks.triggered(incident), incident.id(), null), "");
    }

    void event(Random rng, URI endpoint) {
        String pagerId = ledger.pages.get(rng.nextInt(ledger.pages.size()));
        PdIncident incident = fake.incident(pagerId).orElseThrow();
        int dice = rng.nextInt(3);
        if (dice == 0) {
            String content = "crash pd note " + sequence.incrementAndGet();
            sendWebhook(endpoint, new SentWebhook(webhooks.annotated(incident, content), pagerId, content), "");
        } else {
            SignedWebhook webhook = dice == 1 ? webhooks.acknowledged(incident) : webhooks.escalated(incident);
            sendWebhook(endpoint, new SentWebhook(webhook, pagerId, null), "");
        }
    }

    /** PagerDuty delivering the same event again (same event id and body). */
    void redeliver(Random rng, URI endpoint) {
        sendWebhook(endpoint, sentWebhooks.get(rng.nextInt(sentWebhooks.size())), " retry");
    }

    private boolean sendWebhook(URI endpoint, SentWebhook sent, String suffix) {
        if (suffix.isEmpty()) {
            sentWebhooks.add(sent);
        }
        SignedWebhook webhook = sent.webhook();
        try {
            HttpResponse<String> answer = webhooks.send(endpoint, webhook);
            boolean accepted = CrashTraffic.is2xx(answer.statusCode());
            ledger.count(webhook.eventType() + suffix, accepted ? "accepted" : "http " + answer.statusCode());
            if (accepted) {
                ledger.webhooks.add(new Ledger.Webhook(webhook.eventId(), webhook.eventType(), sent.pagerId(),
                        sent.noteContent()));
                if (webhook.eventType().equals("incident.triggered")) {
                    ledger.pages.addIfAbsent(sent.pagerId());
                }
            }
            return accepted;
        } catch (IOException e) {
            ledger.count("request", "no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
