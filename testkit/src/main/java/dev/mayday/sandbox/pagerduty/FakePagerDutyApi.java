package dev.mayday.sandbox.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake's normal behaviour per route, and its scripted failures, as PagerDuty answers them. */
final class FakePagerDutyApi {

    private final FakePagerDutyState state;
    private final ObjectMapper json;
    private final PdJson shapes;
    private final PagingRoutes paging;

    FakePagerDutyApi(FakePagerDutyState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
        this.shapes = new PdJson(json);
        this.paging = new PagingRoutes(state, shapes);
    }

    PdReply serve(PdCall call, String id) {
        return switch (call.route()) {
            case GET_INCIDENT -> state.incident(id).map(i -> wrapped(200, "incident", shapes.restIncident(i)))
                    .orElseGet(this::notFound);
            case UPDATE_INCIDENT -> updateIncident(id, call);
            case CREATE_NOTE -> createNote(id, call);
            case LIST_NOTES -> state.incident(id).map(i -> listNotes(id)).orElseGet(this::notFound);
            case LIST_ONCALLS -> listOnCalls(call);
            case GET_USER -> state.user(id).map(u -> wrapped(200, "user", shapes.user(u))).orElseGet(this::notFound);
            case CREATE_INCIDENT -> paging.create(call, parse(call.body()));
            case LIST_INCIDENTS -> paging.listIncidents(call);
            case LIST_USERS -> paging.listUsers(call);
            case LIST_SERVICES -> paging.listServices(call);
            case LIST_PRIORITIES -> paging.listPriorities();
            case UNKNOWN -> notFound();
        };
    }

    PdReply unauthorized() {
        return PdReply.json(401, shapes.error("Authentication failed", 2006));
    }

    PdReply scripted(PdAnswer answer) {
        String limited = shapes.error("Rate Limit Exceeded", 2020);
        String seconds = Integer.toString(answer.seconds());
        return switch (answer.kind()) {
            case RATE_LIMITED -> rateLimitHeaders(PdReply.json(429, limited), seconds).withHeader("Retry-After", seconds);
            case RATE_LIMITED_RESET -> rateLimitHeaders(PdReply.json(429, limited), seconds);
            case RATE_LIMITED_BARE -> PdReply.empty(429);
            case HTTP_ERROR, ACTED_THEN_FAILED, DELAYED -> answer.status() >= 500
                    ? PdReply.json(answer.status(), shapes.error("An internal error has occurred. PagerDuty team has been notified.", 2000))
                    : PdReply.json(answer.status(), shapes.error("Scripted failure", 2001));
        };
    }

    private PdReply updateIncident(String id, PdCall call) {
        Optional<JsonNode> body = parse(call.body());
        JsonNode incident = body.map(b -> b.path("incident")).orElse(null);
        String type = incident == null ? "" : incident.path("type").asText("");
        if (incident == null || !incident.isObject() || !(type.equals("incident") || type.equals("incident_reference"))) {
            return invalidInput("incident must be an object with type incident_reference");
        }
        if (blank(call.header("From"))) {
            return invalidInput("A valid 'From' header is required");
        }
        if (!incident.has("status")) {
            return paging.reassignOrReprioritise(id, incident)
                    .orElseGet(() -> invalidInput("nothing to update: status, assignments or priority"));
        }
        return switch (state.changeStatus(id, incident.path("status").asText(""))) {
            case NOT_FOUND -> notFound();
            case INVALID_STATUS -> PdReply.json(400, shapes.error("Invalid Status Provided", 1003, "Invalid Status Provided"));
            case ALREADY_RESOLVED -> PdReply.json(400, shapes.error("Incident Already Resolved", 1001, "Incident Already Resolved"));
            case ALREADY_ACKNOWLEDGED -> PdReply.json(400,
                    shapes.error("Incident Already Acknowledged", 1002, "Incident Already Acknowledged"));
            case CHANGED -> wrapped(200, "incident", shapes.restIncident(state.incident(id).orElseThrow()));
        };
    }

    private PdReply createNote(String incidentId, PdCall call) {
        String content = parse(call.body()).map(b -> b.path("note").path("content").asText("")).orElse("");
        if (content.isBlank()) {
            return invalidInput("Note content can't be blank");
        }
        if (blank(call.header("From"))) {
            return invalidInput("A valid 'From' header is required");
        }
        if (state.incident(incidentId).isEmpty()) {
            return notFound();
        }
        PdNote note = state.addNote(incidentId, content, call.header("From"), Instant.now());
        ObjectNode node = shapes.object();
        node.put("id", note.id()).put("content", note.content()).put("created_at", note.createdAt().toString());
        node.putObject("channel").put("summary", "The PagerDuty website or APIs");
        return wrapped(201, "note", node);
    }

    private PdReply listNotes(String incidentId) {
        ObjectNode root = shapes.object();
        ArrayNode notes = root.putArray("notes");
        for (PdNote note : state.notes(incidentId)) {
            ObjectNode node = notes.addObject();
            node.put("id", note.id()).put("content", note.content()).put("created_at", note.createdAt().toString());
            node.putObject("channel").put("summary", "The PagerDuty website or APIs");
        }
        return PdReply.json(200, root.toString());
    }

    private PdReply listOnCalls(PdCall call) {
        int limit;
        int offset;
        try {
            limit = call.queryParam("limit") == null ? 25 : Integer.parseInt(call.queryParam("limit"));
            offset = call.queryParam("offset") == null ? 0 : Integer.parseInt(call.queryParam("offset"));
        } catch (NumberFormatException e) {
            return invalidInput("limit and offset must be integers");
        }
        if (limit < 1 || limit > 100 || offset < 0 || offset + limit > 10_000) {
            return invalidInput("limit must be 1..100 and offset + limit at most 10000");
        }
        boolean fullUsers = call.queryParams("include[]").contains("users");
        List<Map.Entry<String, PdOnCall>> all = state.onCalls(call.queryParams("escalation_policy_ids[]"));
        int pageSize = Math.min(limit, state.maxPageSize());
        List<Map.Entry<String, PdOnCall>> page = all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()));
        ObjectNode root = shapes.object();
        ArrayNode oncalls = root.putArray("oncalls");
        for (Map.Entry<String, PdOnCall> entry : page) {
            ObjectNode node = oncalls.addObject();
            node.set("escalation_policy", shapes.ref(entry.getKey(), "escalation_policy_reference",
                    "Escalation policy " + entry.getKey(), "escalation_policies"));
            node.put("escalation_level", entry.getValue().escalationLevel());
            node.putNull("schedule");
            PdUser user = state.user(entry.getValue().userId())
                    .orElse(new PdUser(entry.getValue().userId(), entry.getValue().userId(), ""));
            node.set("user", fullUsers ? shapes.user(user) : shapes.userRef(user));
            node.putNull("start");
            node.putNull("end");
        }
        root.put("limit", pageSize).put("offset", offset).put("more", offset + page.size() < all.size()).putNull("total");
        return PdReply.json(200, root.toString());
    }

    private PdReply rateLimitHeaders(PdReply reply, String resetSeconds) {
        return reply.withHeader("ratelimit-limit", "960").withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", resetSeconds);
    }

    private PdReply wrapped(int status, String field, JsonNode value) {
        ObjectNode root = shapes.object();
        root.set(field, value);
        return PdReply.json(status, root.toString());
    }

    private PdReply notFound() {
        return PdReply.json(404, shapes.error("Not Found", 2100));
    }

    private PdReply invalidInput(String detail) {
        return PdReply.json(400, shapes.error("Invalid Input Provided", 2001, detail));
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(json.readTree(body)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
