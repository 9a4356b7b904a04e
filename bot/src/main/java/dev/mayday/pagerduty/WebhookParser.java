package dev.mayday.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a PagerDuty v3 webhook body: {@code {"event":{"id","event_type","resource_type","occurred_at","agent","client",
 * "data"}}}. A body Mayday cannot act on raises {@link MalformedWebhook} with a reason; an event type it does not know
 * parses fine (as {@link WebhookData.Other} when its data is unknown too), so the endpoint can acknowledge it.
 */
public final class WebhookParser {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public WebhookEvent parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public WebhookEvent parse(byte[] rawBody) {
        JsonNode event = envelope(rawBody);
        String id = PagerDutyJson.text(event, "id");
        String type = PagerDutyJson.text(event, "event_type");
        if (id.isBlank()) {
            throw new MalformedWebhook("event.id is missing");
        }
        if (type.isBlank()) {
            throw new MalformedWebhook("event.event_type is missing");
        }
        try {
            Instant occurredAt = PagerDutyJson.instant(event, "occurred_at")
                    .orElseThrow(() -> new IllegalArgumentException("occurred_at is missing"));
            JsonNode client = event.get("client");
            Optional<String> clientName = Optional.of(PagerDutyJson.text(client, "name")).filter(n -> !n.isBlank());
            return new WebhookEvent(id, type, PagerDutyJson.text(event, "resource_type"), occurredAt,
                    PagerDutyJson.ref(event.get("agent")), clientName, data(type, event.get("data")));
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhook("event " + id + " (" + type + "): " + e.getMessage(), e);
        }
    }

    private JsonNode envelope(byte[] rawBody) {
        JsonNode root;
        try {
            root = json.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new MalformedWebhook("the body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedWebhook("the body could not be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedWebhook("the body is empty");
        }
        if (!root.path("event").isObject()) {
            throw new MalformedWebhook("the body has no \"event\" object");
        }
        return root.get("event");
    }

    private static WebhookData data(String eventType, JsonNode given) {
        JsonNode data = given == null ? MissingNode.getInstance() : given;
        String dataType = PagerDutyJson.text(data, "type");
        if (dataType.isBlank()) {
            dataType = expectedDataType(WebhookEventType.of(eventType));
        }
        switch (dataType) {
            case "incident":
                return new WebhookData.IncidentData(PagerDutyJson.incident(data));
            case "incident_note":
                return new WebhookData.Note(PagerDutyJson.text(data, "id"), incidentOf(data),
                        PagerDutyJson.text(data, "content"), data.path("trimmed").asBoolean(false));
            case "incident_responder":
                return new WebhookData.Responder(incidentOf(data), PagerDutyJson.ref(data.get("user")),
                        PagerDutyJson.text(data, "message"), PagerDutyJson.text(data, "state"));
            case "ping":
                return new WebhookData.Ping(PagerDutyJson.text(data, "message"));
            default:
                return new WebhookData.Other(dataType);
        }
    }

    /** When {@code data.type} is absent, what the v3 documentation says each event type carries. */
    private static String expectedDataType(WebhookEventType type) {
        return switch (type) {
            case ANNOTATED -> "incident_note";
            case RESPONDER_ADDED, RESPONDER_REPLIED -> "incident_responder";
            case PING -> "ping";
            case OTHER -> "";
            default -> "incident";
        };
    }

    private static String incidentOf(JsonNode data) {
        String id = PagerDutyJson.text(data.path("incident"), "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("data.incident.id is missing");
        }
        return id;
    }
}
