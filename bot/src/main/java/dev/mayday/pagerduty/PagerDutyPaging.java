package dev.mayday.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The REST calls that page people and keep a paged incident in step: creating an incident (deduplicated by its
 * incident_key), finding users by email and services by name, priorities, reassigning. They share the client's
 * serial sender and its failure handling.
 */
public final class PagerDutyPaging {

    /** PagerDuty's "Invalid Input Provided", which is also how it refuses an incident_key an open incident has. */
    private static final int INVALID_INPUT = 2001;

    private final PagerDutyClient client;
    private final PagerDutyHttp http;

    public PagerDutyPaging(PagerDutyClient client) {
        this.client = client;
        this.http = client.http();
    }

    /**
     * Pages: creates the incident, or finds the one an earlier request with the same incident_key created. PagerDuty
     * refuses a second open incident with one key on one service; a create whose answer was lost (a 5xx, a timeout)
     * is not repeated here: the caller's retry calls this again, and the key finds it.
     */
    public PagerDutyIncident page(PageRequest page, boolean lookFirst) {
        if (lookFirst) {
            Optional<PagerDutyIncident> earlier = byIncidentKey(page.incidentKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        HttpUrl url = http.url("incidents").build();
        try {
            return client.readAnswer("POST", url, http.post(url, body(page)),
                    root -> PagerDutyJson.incident(root.get("incident")));
        } catch (PagerDutyCallFailed e) {
            if (e.status() == 400 && e.errorCode().orElse(0) == INVALID_INPUT) {
                return byIncidentKey(page.incidentKey()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The open or resolved incident created with this incident_key, the newest first. */
    public Optional<PagerDutyIncident> byIncidentKey(String incidentKey) {
        HttpUrl url = http.url("incidents").addQueryParameter("incident_key", incidentKey).build();
        List<PagerDutyIncident> found = client.readAnswer("GET", url, http.get(url), root -> {
            List<PagerDutyIncident> list = new ArrayList<>();
            root.path("incidents").forEach(node -> list.add(PagerDutyJson.incident(node)));
            return list;
        });
        return found.stream().filter(i -> i.incidentKey().equals(incidentKey)).reduce((first, later) -> later);
    }

    /** The PagerDuty user with exactly this email (ignoring case), if any. */
    public Optional<PagerDutyUser> userByEmail(String email) {
        HttpUrl url = http.url("users").addQueryParameter("query", email).build();
        return client.readAnswer("GET", url, http.get(url), root -> {
            for (JsonNode user : root.path("users")) {
                Optional<String> found = PagerDutyClient.emailOf(user);
                if (found.isPresent() && found.get().equalsIgnoreCase(email)) {
                    return Optional.of(new PagerDutyUser(PagerDutyJson.text(user, "id"), PagerDutyJson.text(user, "name"),
                            found));
                }
            }
            return Optional.<PagerDutyUser>empty();
        });
    }

    /** The service named exactly {@code name} (ignoring case), if there is one. */
    public Optional<PagerDutyService> serviceNamed(String name) {
        HttpUrl url = http.url("services").addQueryParameter("query", name).build();
        return client.readAnswer("GET", url, http.get(url), root -> {
            for (JsonNode service : root.path("services")) {
                String found = PagerDutyJson.text(service, "name");
                if (found.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(new PagerDutyService(PagerDutyJson.text(service, "id"), found,
                            PagerDutyJson.text(service.path("escalation_policy"), "id")));
                }
            }
            return Optional.<PagerDutyService>empty();
        });
    }

    /** The id of the account's priority named {@code name} (P1, P2, …), if the account has it. */
    public Optional<String> priorityId(String name) {
        HttpUrl url = http.url("priorities").build();
        return client.readAnswer("GET", url, http.get(url), root -> {
            for (JsonNode priority : root.path("priorities")) {
                if (PagerDutyJson.text(priority, "name").equalsIgnoreCase(name)) {
                    return Optional.of(PagerDutyJson.text(priority, "id"));
                }
            }
            return Optional.<String>empty();
        });
    }

    /** Sets the incident's priority; setting the same again is harmless. */
    public void setPriority(String incidentId, String priorityId) {
        ObjectNode body = reference();
        ((ObjectNode) body.get("incident")).putObject("priority").put("id", priorityId).put("type", "priority_reference");
        http.put(http.url("incidents", incidentId).build(), body);
    }

    /** Assigns the incident to one PagerDuty user, instead of whoever held it. */
    public void reassign(String incidentId, String userId) {
        ObjectNode body = reference();
        ((ObjectNode) body.get("incident")).putArray("assignments").addObject().putObject("assignee").put("id", userId)
                .put("type", "user_reference");
        http.put(http.url("incidents", incidentId).build(), body);
    }

    private ObjectNode reference() {
        ObjectNode body = http.json().createObjectNode();
        body.putObject("incident").put("type", "incident_reference");
        return body;
    }

    private ObjectNode body(PageRequest page) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode incident = body.putObject("incident");
        incident.put("type", "incident").put("title", page.title()).put("incident_key", page.incidentKey());
        incident.putObject("service").put("id", page.serviceId()).put("type", "service_reference");
        incident.putObject("body").put("type", "incident_body").put("details", page.details());
        page.assigneeId().ifPresent(id -> incident.putArray("assignments").addObject().putObject("assignee")
                .put("id", id).put("type", "user_reference"));
        if (page.assigneeId().isEmpty()) {
            page.escalationPolicyId().ifPresent(id -> incident.putObject("escalation_policy").put("id", id)
                    .put("type", "escalation_policy_reference"));
        }
        return body;
    }
}
