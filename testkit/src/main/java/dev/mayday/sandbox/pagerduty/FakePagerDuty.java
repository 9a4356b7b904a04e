package dev.mayday.sandbox.pagerduty;

import dev.mayday.sandbox.LoopbackServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A fake of the PagerDuty REST API over real HTTP on 127.0.0.1, for the demo and integration tests. Point the client's
 * base URL at {@link #baseUrl()}. It serves {@code GET/PUT /incidents/{id}}, {@code GET/POST /incidents/{id}/notes},
 * {@code GET /oncalls}, {@code GET /users/{id}}, and for paging {@code POST /incidents} (rejecting an incident_key an
 * open incident of the service has, as PagerDuty does), {@code GET /incidents?incident_key=}, {@code GET /users?query=},
 * {@code GET /services?query=} and {@code GET /priorities}; it checks {@code Authorization: Token token=…} (401 otherwise),
 * records every request in {@link #calls()}, and answers scripted failures queued with {@link #enqueue} first.
 */
public final class FakePagerDuty implements AutoCloseable {

    public static final String DEFAULT_SERVICE_ID = "PSVC001";
    public static final String DEFAULT_SERVICE_NAME = "Checkout API";
    public static final String DEFAULT_POLICY_ID = "PPOL001";
    private static final int THREADS = 8;

    private final FakePagerDutyState state = new FakePagerDutyState();
    private final String apiToken;
    private final FakePagerDutyApi api;
    private final LoopbackServer server;
    private final String baseUrl;

    private FakePagerDuty(String apiToken) {
        this.apiToken = apiToken;
        this.api = new FakePagerDutyApi(state, new ObjectMapper());
        state.putService(new PdService(DEFAULT_SERVICE_ID, DEFAULT_SERVICE_NAME, DEFAULT_POLICY_ID));
        server = LoopbackServer.start("fake-pagerduty", THREADS, this::handle);
        baseUrl = server.baseUrl();
    }

    /** Starts a fake that accepts {@code Authorization: Token token=<apiToken>}. */
    public static FakePagerDuty start(String apiToken) {
        if (apiToken == null || apiToken.isBlank()) {
            throw new IllegalArgumentException("the fake needs the token it will accept");
        }
        return new FakePagerDuty(apiToken);
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:PORT} (no trailing slash, like https://api.pagerduty.com). */
    public String baseUrl() {
        return baseUrl;
    }

    public String apiToken() {
        return apiToken;
    }

    // --- the account ---------------------------------------------------------------------------------

    public PdUser addUser(String id, String name, String email) {
        return state.putUser(new PdUser(id, name, email));
    }

    /** A triggered, high-urgency incident without priority on the default service and escalation policy. */
    public PdIncident addIncident(String id, String title) {
        return state.putIncident(new PdIncident(id, state.nextNumber(), title, "triggered", "high", null,
                DEFAULT_SERVICE_ID, DEFAULT_SERVICE_NAME, DEFAULT_POLICY_ID, List.of(),
                UUID.randomUUID().toString().replace("-", ""), Instant.now()));
    }

    /** Adds or replaces an incident as given. */
    public PdIncident putIncident(PdIncident incident) {
        return state.putIncident(Objects.requireNonNull(incident, "incident"));
    }

    /** Adds a service (the default one, {@value #DEFAULT_SERVICE_NAME}, is there from the start). */
    public PdService addService(String id, String name, String escalationPolicyId) {
        return state.putService(new PdService(id, name, escalationPolicyId));
    }

    /** Every incident in the account, in the order they were added or created. */
    public List<PdIncident> incidents() {
        return state.incidents();
    }

    public Optional<PdIncident> incident(String id) {
        return state.incident(id);
    }

    /** Replaces who is on call for a policy; entries are listed in this order. */
    public void setOnCalls(String escalationPolicyId, List<PdOnCall> entries) {
        state.setOnCalls(Objects.requireNonNull(escalationPolicyId, "escalationPolicyId"), entries);
    }

    public List<PdNote> notes(String incidentId) {
        return state.notes(incidentId);
    }

    /** Caps every page of {@code GET /oncalls} below what the client asks for, to exercise paging. */
    public void maxPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one entry");
        }
        state.maxPageSize(size);
    }

    // --- recorded calls and scripting ----------------------------------------------------------------

    public List<PdCall> calls() {
        return state.calls();
    }

    public List<PdCall> calls(PdRoute route) {
        return state.calls(route);
    }

    /** Queues a scripted answer for a route; answers are used FIFO before the normal behaviour. */
    public void enqueue(PdRoute route, PdAnswer answer) {
        if (route == PdRoute.UNKNOWN) {
            throw new IllegalArgumentException("unknown routes always answer 404");
        }
        state.enqueue(route, Objects.requireNonNull(answer, "answer"));
    }

    @Override
    public void close() {
        server.close();
    }

    // --- HTTP plumbing -------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            PdRoute.Match match = PdRoute.match(method, uri.getPath());
            PdCall call = new PdCall(match.route(), method, uri.getPath(), query(uri.getRawQuery()),
                    headers(exchange), new String(body, StandardCharsets.UTF_8), Instant.now());
            state.record(call);
            if (!("Token token=" + apiToken).equals(call.header("Authorization"))) {
                send(exchange, api.unauthorized());
                return;
            }
            PdAnswer scripted = match.route() == PdRoute.UNKNOWN ? null : state.nextScripted(match.route());
            if (scripted != null && scripted.kind() == PdAnswer.Kind.DELAYED && !pause(scripted)) {
                return;
            }
            if (scripted != null && scripted.kind() == PdAnswer.Kind.ACTED_THEN_FAILED) {
                api.serve(call, match.id());
            }
            boolean scriptedReply = scripted != null && scripted.kind() != PdAnswer.Kind.DELAYED;
            send(exchange, scriptedReply ? api.scripted(scripted) : api.serve(call, match.id()));
        } catch (RuntimeException e) {
            // A bug in the fake should fail the caller loudly rather than hang it.
            trySend(exchange, PdReply.json(500, "{\"error\":{\"message\":\"fake PagerDuty bug: "
                    + e.toString().replace('"', '\'') + "\",\"code\":2000}}"));
        } finally {
            exchange.close();
        }
    }

    /** @return false if the fake is shutting down, in which case nobody is waiting for the reply */
    private static boolean pause(PdAnswer answer) {
        try {
            Thread.sleep(answer.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    private static void send(HttpExchange exchange, PdReply reply) throws IOException {
        LoopbackServer.send(exchange, reply.status(), reply.headers(), reply.body());
    }

    private static void trySend(HttpExchange exchange, PdReply reply) {
        LoopbackServer.trySend(exchange, reply.status(), reply.headers(), reply.body());
    }
}
