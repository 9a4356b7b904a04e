package dev.mayday.sandbox.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fake's paging routes: {@code POST /incidents} (with PagerDuty's incident_key rule), {@code GET /incidents?
 * incident_key=}, {@code GET /users?query=}, {@code GET /services?query=}, {@code GET /priorities}, and the
 * reassignment and priority parts of {@code PUT /incidents/{id}}.
 */
final class PagingRoutes {

    private final FakePagerDutyState state;
    private final PdJson shapes;

    PagingRoutes(FakePagerDutyState state, PdJson shapes) {
        this.state = state;
        this.shapes = shapes;
    }

    PdReply create(PdCall call, Optional<JsonNode> body) {
        JsonNode incident = body.map(b -> b.path("incident")).orElse(null);
        if (incident == null || !"incident".equals(incident.path("type").asText(""))) {
            return invalid("incident must be an object with type incident");
        }
        if (call.header("From") == null || call.header("From").isBlank()) {
            return invalid("A valid 'From' header is required");
        }
        String title = incident.path("title").asText("");
        Optional<PdService> service = state.service(incident.path("service").path("id").asText(""));
        if (title.isBlank() || service.isEmpty()) {
            return invalid(title.isBlank() ? "Title can't be blank" : "Service not found");
        }
        List<PdUser> assignees = new ArrayList<>();
        for (JsonNode assignment : incident.path("assignments")) {
            Optional<PdUser> user = state.user(assignment.path("assignee").path("id").asText(""));
            if (user.isEmpty()) {
                return invalid("Assignee not found");
            }
            assignees.add(user.get());
        }
        String policy = incident.path("escalation_policy").path("id").asText(service.get().escalationPolicyId());
        String key = incident.path("incident_key").asText("");
        String id = String.format("PPAGE%04d", state.nextNumber());
        PdIncident created = new PdIncident(id, Integer.parseInt(id.substring(5)), title, "triggered", "high", null,
                service.get().id(), service.get().name(), policy, assignees,
                key.isBlank() ? id.toLowerCase() : key, Instant.now());
        return state.createUnlessOpen(created)
                .map(i -> wrapped(201, "incident", shapes.restIncident(i)))
                .orElseGet(() -> invalid("Open incident with matching dedup key already exists on this service"));
    }

    PdReply listIncidents(PdCall call) {
        String key = call.queryParam("incident_key");
        ObjectNode root = shapes.object();
        ArrayNode list = root.putArray("incidents");
        state.incidents().stream().filter(i -> key == null || i.incidentKey().equals(key))
                .forEach(i -> list.add(shapes.restIncident(i)));
        return page(root, list.size());
    }

    PdReply listUsers(PdCall call) {
        ObjectNode root = shapes.object();
        ArrayNode list = root.putArray("users");
        state.users(call.queryParam("query")).forEach(u -> list.add(shapes.user(u)));
        return page(root, list.size());
    }

    PdReply listServices(PdCall call) {
        ObjectNode root = shapes.object();
        ArrayNode list = root.putArray("services");
        for (PdService service : state.services(call.queryParam("query"))) {
            ObjectNode node = shapes.ref(service.id(), "service", service.name(), "services");
            node.put("name", service.name());
            node.set("escalation_policy", shapes.ref(service.escalationPolicyId(), "escalation_policy_reference",
                    "Escalation policy " + service.escalationPolicyId(), "escalation_policies"));
            list.add(node);
        }
        return page(root, list.size());
    }

    PdReply listPriorities() {
        ObjectNode root = shapes.object();
        ArrayNode list = root.putArray("priorities");
        for (String name : state.priorities()) {
            ObjectNode node = shapes.ref("PPRIO" + name, "priority", name, "priorities");
            node.put("name", name);
            list.add(node);
        }
        return page(root, list.size());
    }

    /** The parts of an update other than its status; empty when the body changes neither. */
    Optional<PdReply> reassignOrReprioritise(String id, JsonNode incident) {
        boolean assigns = incident.has("assignments");
        boolean prioritises = incident.has("priority");
        if (!assigns && !prioritises) {
            return Optional.empty();
        }
        Optional<PdIncident> found = state.incident(id);
        if (found.isEmpty()) {
            return Optional.of(PdReply.json(404, shapes.error("Not Found", 2100)));
        }
        PdIncident changed = found.get();
        if (assigns) {
            List<PdUser> assignees = new ArrayList<>();
            for (JsonNode assignment : incident.path("assignments")) {
                Optional<PdUser> user = state.user(assignment.path("assignee").path("id").asText(""));
                if (user.isEmpty()) {
                    return Optional.of(invalid("Assignee not found"));
                }
                assignees.add(user.get());
            }
            changed = changed.withAssignees(assignees);
        }
        if (prioritises) {
            String priorityId = incident.path("priority").path("id").asText("");
            Optional<String> name = state.priorities().stream().filter(p -> ("PPRIO" + p).equals(priorityId)).findFirst();
            if (name.isEmpty()) {
                return Optional.of(invalid("Priority not found"));
            }
            changed = changed.withPriority(name.get());
        }
        state.putIncident(changed);
        return Optional.of(wrapped(200, "incident", shapes.restIncident(changed)));
    }

    private PdReply page(ObjectNode root, int size) {
        root.put("limit", 100).put("offset", 0).put("more", false).put("total", size);
        return PdReply.json(200, root.toString());
    }

    private PdReply wrapped(int status, String field, JsonNode value) {
        ObjectNode root = shapes.object();
        root.set(field, value);
        return PdReply.json(status, root.toString());
    }

    private PdReply invalid(String detail) {
        return PdReply.json(400, shapes.error("Invalid Input Provided", 2001, detail));
    }
}
