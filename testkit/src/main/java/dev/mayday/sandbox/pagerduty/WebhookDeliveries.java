package dev.mayday.sandbox.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds PagerDuty v3 webhook deliveries in the shapes of PagerDuty's documentation ({@code {"event":{…}}}, incident
 * data with {@code number} and {@code assignees}, notes as {@code incident_note}), signed with the subscription
 * secret; and sends them, for tests and the demo.
 */
public final class WebhookDeliveries {

    public static final String SUBSCRIPTION_ID = "PSUB001";

    private final String secret;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final PdJson shapes = new PdJson(json);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookDeliveries(String secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SignedWebhook triggered(PdIncident incident) {
        return incidentEvent("incident.triggered", incident, clock.instant());
    }

    public SignedWebhook acknowledged(PdIncident incident) {
        return incidentEvent("incident.acknowledged", incident, clock.instant());
    }

    public SignedWebhook resolved(PdIncident incident) {
        return incidentEvent("incident.resolved", incident, clock.instant());
    }

    public SignedWebhook reassigned(PdIncident incident) {
        return incidentEvent("incident.reassigned", incident, clock.instant());
    }

    public SignedWebhook escalated(PdIncident incident) {
        return incidentEvent("incident.escalated", incident, clock.instant());
    }

    public SignedWebhook priorityUpdated(PdIncident incident) {
        return incidentEvent("incident.priority_updated", incident, clock.instant());
    }

    /** Any event whose data is the incident ({@code incident.*} except annotated and responder events). */
    public SignedWebhook incidentEvent(String eventType, PdIncident incident, Instant occurredAt) {
        return deliver(eventType, "incident", occurredAt, shapes.webhookIncident(incident), incident);
    }

    /** {@code incident.annotated}: someone added a note in PagerDuty. */
    public SignedWebhook annotated(PdIncident incident, String noteContent) {
        return annotated(incident, noteContent, clock.instant());
    }

    public SignedWebhook annotated(PdIncident incident, String noteContent, Instant occurredAt) {
        ObjectNode data = shapes.object();
        data.set("incident", shapes.ref(incident.id(), "incident_reference", incident.title(), "incidents"));
        data.put("id", "PNOTE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .put("content", noteContent).put("trimmed", false).put("type", "incident_note");
        return deliver("incident.annotated", "incident", occurredAt, data, incident);
    }

    /** {@code pagey.ping}, the event PagerDuty sends to test a subscription. */
    public SignedWebhook ping() {
        ObjectNode data = shapes.object();
        data.put("message", "Hello from your friend Pagey!").put("type", "ping");
        return deliver("pagey.ping", "pagey", clock.instant(), data, null);
    }

    /** POSTs a delivery the way PagerDuty does and returns the answer. */
    public HttpResponse<String> send(URI endpoint, SignedWebhook webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.bytes()));
        webhook.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private SignedWebhook deliver(String eventType, String resourceType, Instant occurredAt, ObjectNode data,
                                  PdIncident incident) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode root = shapes.object();
        ObjectNode event = root.putObject("event");
        event.put("id", eventId).put("event_type", eventType).put("resource_type", resourceType)
                .put("occurred_at", occurredAt.toString());
        if (incident != null && !incident.assignees().isEmpty()) {
            event.set("agent", shapes.userRef(incident.assignees().get(0)));
        } else if (incident != null) {
            event.set("agent", shapes.ref(incident.serviceId(), "service_reference", incident.serviceName(), "services"));
        } else {
            event.putNull("agent");
        }
        event.putObject("client").put("name", "PagerDuty");
        event.set("data", data);
        String body = root.toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "PagerDuty-Webhook/V3.0");
        headers.put("X-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Webhook-Subscription", SUBSCRIPTION_ID);
        headers.put(PagerDutySignature.HEADER, PagerDutySignature.header(body.getBytes(StandardCharsets.UTF_8), secret));
        return new SignedWebhook(eventId, eventType, body, headers);
    }
}
