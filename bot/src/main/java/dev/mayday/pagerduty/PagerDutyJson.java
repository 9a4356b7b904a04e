package dev.mayday.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads PagerDuty's JSON shapes into records. Webhooks and the REST API describe an incident slightly differently
 * ({@code number} and {@code assignees} versus {@code incident_number} and {@code assignments[].assignee}); both are
 * read here. Problems are reported as {@link IllegalArgumentException} with a reason naming the field.
 */
final class PagerDutyJson {

    private PagerDutyJson() {}

    static PagerDutyIncident incident(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the incident is not a JSON object");
        }
        String id = text(node, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("the incident has no id");
        }
        String status = text(node, "status");
        PagerDutyStatus parsed = PagerDutyStatus.fromWire(status).orElseThrow(() -> new IllegalArgumentException(
                "incident " + id + " has status '" + status + "', not triggered, acknowledged or resolved"));
        int number = node.hasNonNull("number") ? node.path("number").asInt() : node.path("incident_number").asInt();
        String title = node.hasNonNull("title") ? text(node, "title") : text(node, "summary");
        return new PagerDutyIncident(id, number, parsed, title, text(node, "html_url"), text(node, "incident_key"),
                instant(node, "created_at"), ref(node.get("service")), assignees(node), ref(node.get("escalation_policy")),
                ref(node.get("priority")).map(PagerDutyRef::summary).filter(s -> !s.isBlank()), text(node, "urgency"));
    }

    static Optional<PagerDutyRef> ref(JsonNode node) {
        if (node == null || !node.isObject() || text(node, "id").isBlank()) {
            return Optional.empty();
        }
        String summary = node.hasNonNull("summary") ? text(node, "summary") : text(node, "name");
        return Optional.of(new PagerDutyRef(text(node, "id"), summary, text(node, "type")));
    }

    /** The field's text, or "" when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not an ISO 8601 date-time", e);
        }
    }

    private static List<PagerDutyRef> assignees(JsonNode node) {
        List<PagerDutyRef> result = new ArrayList<>();
        if (node.path("assignees").isArray()) {
            node.path("assignees").forEach(a -> ref(a).ifPresent(result::add));
        } else {
            node.path("assignments").forEach(a -> ref(a.get("assignee")).ifPresent(result::add));
        }
        return result;
    }
}
