package dev.mayday.sandbox.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PagerDuty's JSON shapes, built the way its documentation shows them. The REST API and webhooks describe an incident
 * differently: {@code incident_number} + {@code assignments[].assignee} versus {@code number} + {@code assignees[]}.
 */
final class PdJson {

    private static final String API = "https://api.pagerduty.com";
    private static final String WEB = "https://mayday-sandbox.pagerduty.com";

    private final ObjectMapper json;

    PdJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ObjectNode ref(String id, String type, String summary, String collection) {
        ObjectNode ref = json.createObjectNode();
        ref.put("id", id).put("type", type).put("summary", summary)
                .put("self", API + "/" + collection + "/" + id).put("html_url", WEB + "/" + collection + "/" + id);
        return ref;
    }

    ObjectNode userRef(PdUser user) {
        return ref(user.id(), "user_reference", user.name(), "users");
    }

    /** The full user, as {@code GET /users/{id}} and {@code include[]=users} return it. */
    ObjectNode user(PdUser user) {
        ObjectNode node = ref(user.id(), "user", user.name(), "users");
        node.put("name", user.name()).put("email", user.email()).put("time_zone", "Etc/UTC").put("role", "user");
        return node;
    }

    ObjectNode restIncident(PdIncident incident) {
        ObjectNode node = common(incident, "incident");
        node.put("incident_number", incident.number())
                .put("summary", "[#" + incident.number() + "] " + incident.title());
        ArrayNode assignments = node.putArray("assignments");
        for (PdUser user : incident.assignees()) {
            ObjectNode assignment = assignments.addObject();
            assignment.put("at", incident.createdAt().toString());
            assignment.set("assignee", userRef(user));
        }
        return node;
    }

    ObjectNode webhookIncident(PdIncident incident) {
        ObjectNode node = common(incident, "incident");
        node.put("number", incident.number());
        ArrayNode assignees = node.putArray("assignees");
        incident.assignees().forEach(u -> assignees.add(userRef(u)));
        node.putNull("resolve_reason");
        return node;
    }

    /** PagerDuty's error body: {@code {"error":{"message","code","errors":[…]}}}. */
    String error(String message, int code, String... errors) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("code", code);
        ArrayNode details = error.putArray("errors");
        for (String detail : errors) {
            details.add(detail);
        }
        return root.toString();
    }

    private ObjectNode common(PdIncident incident, String type) {
        ObjectNode node = json.createObjectNode();
        node.put("id", incident.id()).put("type", type)
                .put("self", API + "/incidents/" + incident.id()).put("html_url", incident.htmlUrl())
                .put("status", incident.status()).put("incident_key", incident.incidentKey())
                .put("created_at", incident.createdAt().toString()).put("title", incident.title());
        node.set("service", ref(incident.serviceId(), "service_reference", incident.serviceName(), "services"));
        node.set("escalation_policy", ref(incident.escalationPolicyId(), "escalation_policy_reference",
                "Escalation policy " + incident.escalationPolicyId(), "escalation_policies"));
        if (incident.priority() == null) {
            node.putNull("priority");
        } else {
            node.set("priority", ref("PPRIO" + incident.priority(), "priority_reference", incident.priority(), "priorities"));
        }
        node.put("urgency", incident.urgency());
        return node;
    }
}
