package dev.mayday.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.retry.Sleeper;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PagerDuty REST API calls Mayday makes (REST v2, {@code Authorization: Token token=…}). Create one per API token
 * and share it: calls for a token are sent one at a time. Failures arrive as {@link PagerDutyCallFailed} after the
 * bounded retries of the {@link CallPolicy}; longer outages are the caller's (outbox's) business.
 */
public final class PagerDutyClient implements AutoCloseable {

    /** PagerDuty's largest page; and offset + limit may not pass 10,000. */
    private static final int PAGE = 100;
    private static final int MAX_RECORDS = 10_000;

    private final PagerDutyHttp http;

    /**
     * @param baseUrl   e.g. {@code https://api.pagerduty.com}
     * @param fromEmail the {@code From} header on writes (required by PagerDuty for account API tokens); null to omit
     */
    public PagerDutyClient(String baseUrl, String apiToken, String fromEmail, CallPolicy policy) {
        this(baseUrl, apiToken, fromEmail, policy, Clock.systemUTC(), Sleeper.REAL);
    }

    /** {@code clock} and {@code sleeper} time the retries and rate-limit waits (a test may run them faster). */
    public PagerDutyClient(String baseUrl, String apiToken, String fromEmail, CallPolicy policy, Clock clock,
                           Sleeper sleeper) {
        this.http = new PagerDutyHttp(baseUrl, apiToken, fromEmail, policy, clock, sleeper);
    }

    public PagerDutyIncident getIncident(String incidentId) {
        HttpUrl url = http.url("incidents", requireId(incidentId)).build();
        return read("GET", url, http.get(url), root -> PagerDutyJson.incident(root.get("incident")));
    }

    /**
     * Acknowledges or resolves an incident. Repeating it is harmless, so it is retried on 5xx and timeouts; PagerDuty's
     * "already resolved" (1001) and "already acknowledged" (1002) answers count as done.
     */
    public StatusUpdate updateStatus(String incidentId, PagerDutyStatus target) {
        if (target == PagerDutyStatus.TRIGGERED) {
            throw new IllegalArgumentException("an incident can only be acknowledged or resolved through the API");
        }
        ObjectNode body = http.json().createObjectNode();
        body.putObject("incident").put("type", "incident_reference").put("status", target.wire());
        try {
            http.put(http.url("incidents", requireId(incidentId)).build(), body);
            return StatusUpdate.CHANGED;
        } catch (PagerDutyCallFailed e) {
            int code = e.status() >= 400 && e.status() < 500 ? e.errorCode().orElse(0) : 0;
            if (code == 1001) {
                return StatusUpdate.ALREADY_RESOLVED;
            }
            if (code == 1002) {
                return StatusUpdate.ALREADY_ACKNOWLEDGED;
            }
            throw e;
        }
    }

    /**
     * Adds a note and returns its id. PagerDuty has no idempotency key for notes, so this is retried only when the
     * note was certainly not created (429, refused connection); after a 5xx or timeout the caller must record the
     * outcome as unknown rather than post again blindly.
     */
    public String createNote(String incidentId, String content) {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new IllegalArgumentException("a note needs content");
        }
        ObjectNode body = http.json().createObjectNode();
        body.putObject("note").put("content", content);
        HttpUrl url = http.url("incidents", requireId(incidentId), "notes").build();
        return read("POST", url, http.post(url, body), root -> {
            String id = PagerDutyJson.text(root.path("note"), "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("no note.id");
            }
            return id;
        });
    }

    /** The incident's notes, oldest first (PagerDuty does not page this list). */
    public List<PagerDutyNote> listNotes(String incidentId) {
        HttpUrl url = http.url("incidents", requireId(incidentId), "notes").build();
        return read("GET", url, http.get(url), root -> {
            if (!root.path("notes").isArray()) {
                throw new IllegalArgumentException("no notes array");
            }
            List<PagerDutyNote> notes = new ArrayList<>();
            for (JsonNode note : root.path("notes")) {
                String id = PagerDutyJson.text(note, "id");
                if (!id.isBlank()) {
                    notes.add(new PagerDutyNote(id, PagerDutyJson.text(note, "content")));
                }
            }
            return List.copyOf(notes);
        });
    }

    /**
     * Who is on call for an escalation policy now, one entry per person at the lowest level they hold, level 1 first.
     * Follows PagerDuty's offset paging until {@code more} is false.
     */
    public List<OnCall> listOncalls(String escalationPolicyId) {
        requireId(escalationPolicyId);
        Map<String, OnCall> byUser = new LinkedHashMap<>();
        int offset = 0;
        while (offset + PAGE <= MAX_RECORDS) {
            HttpUrl url = http.url("oncalls")
                    .addQueryParameter("escalation_policy_ids[]", escalationPolicyId)
                    .addQueryParameter("include[]", "users")
                    .addQueryParameter("limit", Integer.toString(PAGE))
                    .addQueryParameter("offset", Integer.toString(offset))
                    .build();
            JsonNode page = read("GET", url, http.get(url), root -> {
                if (!root.path("oncalls").isArray()) {
                    throw new IllegalArgumentException("no oncalls array");
                }
                return root;
            });
            for (JsonNode entry : page.path("oncalls")) {
                onCall(entry).ifPresent(o -> byUser.merge(o.userId(), o,
                        (kept, next) -> next.escalationLevel() < kept.escalationLevel() ? next : kept));
            }
            int received = page.path("oncalls").size();
            if (!page.path("more").asBoolean(false) || received == 0) {
                break;
            }
            offset += received;
        }
        List<OnCall> result = new ArrayList<>(byUser.values());
        result.sort(Comparator.comparingInt(OnCall::escalationLevel));
        return List.copyOf(result);
    }

    public PagerDutyUser getUser(String userId) {
        HttpUrl url = http.url("users", requireId(userId)).build();
        return read("GET", url, http.get(url), root -> {
            JsonNode user = root.path("user");
            String id = PagerDutyJson.text(user, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("no user.id");
            }
            return new PagerDutyUser(id, PagerDutyJson.text(user, "name"), email(user));
        });
    }

    @Override
    public void close() {
        http.close();
    }

    /** The shared sender, for the paging calls ({@link PagerDutyPaging}), which go through the same serial queue. */
    PagerDutyHttp http() {
        return http;
    }

    static Optional<String> emailOf(JsonNode user) {
        return email(user);
    }

    <T> T readAnswer(String method, HttpUrl url, PagerDutyHttp.Answer answer, Function<JsonNode, T> reader) {
        return read(method, url, answer, reader);
    }

    private static Optional<OnCall> onCall(JsonNode entry) {
        JsonNode user = entry.path("user");
        String id = PagerDutyJson.text(user, "id");
        if (id.isBlank()) {
            return Optional.empty();
        }
        String name = PagerDutyJson.text(user, "name");
        return Optional.of(new OnCall(id, name.isBlank() ? PagerDutyJson.text(user, "summary") : name, email(user),
                entry.path("escalation_level").asInt(0)));
    }

    private static Optional<String> email(JsonNode user) {
        return Optional.of(PagerDutyJson.text(user, "email")).filter(e -> !e.isBlank());
    }

    private <T> T read(String method, HttpUrl url, PagerDutyHttp.Answer answer, Function<JsonNode, T> reader) {
        try {
            return reader.apply(http.json().readTree(answer.body()));
        } catch (IOException | IllegalArgumentException e) {
            throw http.unreadable(method, url, answer, e.getMessage());
        }
    }

    private static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a PagerDuty id must not be blank");
        }
        return id;
    }
}
