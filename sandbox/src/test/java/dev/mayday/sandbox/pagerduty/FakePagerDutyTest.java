package dev.mayday.sandbox.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.pagerduty.PagerDutyStatus;
import dev.mayday.pagerduty.WebhookData;
import dev.mayday.pagerduty.WebhookEvent;
import dev.mayday.pagerduty.WebhookEventType;
import dev.mayday.pagerduty.WebhookParser;
import dev.mayday.pagerduty.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake PagerDuty, spoken to with a plain HTTP client so its answers are checked independently of ours. */
class FakePagerDutyTest {

    private static final String TOKEN = "pd-fake-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakePagerDuty pd;

    @BeforeEach
    void start() {
        pd = FakePagerDuty.start(TOKEN);
    }

    @AfterEach
    void stop() {
        pd.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery, String body, String token, String from)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pd.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/vnd.pagerduty+json;version=2")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Token token=" + token);
        }
        if (from != null) {
            request.header("From", from);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return call("GET", pathAndQuery, null, TOKEN, null);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void bindsLoopback_checksTheToken_andRecordsEveryCall() throws Exception {
        pd.addIncident("Q1", "Checkout down");

        HttpResponse<String> wrong = call("GET", "/incidents/Q1", null, "wrong", null);
        HttpResponse<String> none = call("GET", "/incidents/Q1", null, null, null);
        HttpResponse<String> right = get("/incidents/Q1?include%5B%5D=assignees");

        assertThat(pd.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(pd.calls(PdRoute.GET_INCIDENT)).hasSize(3).last().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/incidents/Q1");
            assertThat(c.queryParams("include[]")).containsExactly("assignees");
            assertThat(c.header("accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
        });
    }

    @Test
    void getIncident_answersInTheRestShape() throws Exception {
        PdUser robin = pd.addUser("PUSER1", "Robin Ops", "robin@example.com");
        PdIncident stored = pd.putIncident(pd.addIncident("Q1", "Checkout down").withAssignees(List.of(robin)));

        JsonNode incident = json(get("/incidents/Q1")).path("incident");

        assertThat(incident.path("id").asText()).isEqualTo("Q1");
        assertThat(incident.path("incident_number").asInt()).isEqualTo(stored.number());
        assertThat(incident.path("status").asText()).isEqualTo("triggered");
        assertThat(incident.path("assignments").get(0).path("assignee").path("id").asText()).isEqualTo("PUSER1");
        assertThat(incident.path("escalation_policy").path("id").asText()).isEqualTo(FakePagerDuty.DEFAULT_POLICY_ID);
        assertThat(incident.path("priority").isNull()).isTrue();
        assertThat(get("/incidents/NOPE").statusCode()).isEqualTo(404);
        assertThat(get("/no/such/endpoint").statusCode()).isEqualTo(404);
        assertThat(pd.calls(PdRoute.UNKNOWN)).hasSize(1);
    }

    @Test
    void putIncident_followsPagerDutysStatusRules_withItsErrorCodes() throws Exception {
        pd.addIncident("Q1", "Checkout down");
        String ack = "{\"incident\":{\"type\":\"incident_reference\",\"status\":\"acknowledged\"}}";
        String resolve = "{\"incident\":{\"type\":\"incident_reference\",\"status\":\"resolved\"}}";

        HttpResponse<String> noFrom = call("PUT", "/incidents/Q1", ack, TOKEN, null);
        HttpResponse<String> acked = call("PUT", "/incidents/Q1", ack, TOKEN, "ops@example.com");
        HttpResponse<String> ackedAgain = call("PUT", "/incidents/Q1", ack, TOKEN, "ops@example.com");
        HttpResponse<String> resolved = call("PUT", "/incidents/Q1", resolve, TOKEN, "ops@example.com");
        HttpResponse<String> resolvedAgain = call("PUT", "/incidents/Q1", resolve, TOKEN, "ops@example.com");
        HttpResponse<String> ackResolved = call("PUT", "/incidents/Q1", ack, TOKEN, "ops@example.com");
        HttpResponse<String> retriggered = call("PUT", "/incidents/Q1",
                resolve.replace("resolved", "triggered"), TOKEN, "ops@example.com");

        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(json(acked).path("incident").path("status").asText()).isEqualTo("acknowledged");
        assertThat(ackedAgain.statusCode()).isEqualTo(400);
        assertThat(json(ackedAgain).path("error").path("code").asInt()).isEqualTo(1002);
        assertThat(json(ackedAgain).path("error").path("message").asText()).isEqualTo("Incident Already Acknowledged");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolvedAgain).path("error").path("code").asInt()).isEqualTo(1001);
        assertThat(json(ackResolved).path("error").path("code").asInt()).isEqualTo(1001);
        assertThat(json(retriggered).path("error").path("code").asInt()).as("invalid status").isEqualTo(1003);
        assertThat(pd.incident("Q1").orElseThrow().status()).isEqualTo("resolved");
    }

    @Test
    void postNote_storesItAndAnswersWithItsId() throws Exception {
        pd.addIncident("Q1", "Checkout down");

        HttpResponse<String> created = call("POST", "/incidents/Q1/notes", "{\"note\":{\"content\":\"Rolled back\"}}",
                TOKEN, "ops@example.com");
        HttpResponse<String> blank = call("POST", "/incidents/Q1/notes", "{\"note\":{\"content\":\" \"}}",
                TOKEN, "ops@example.com");
        HttpResponse<String> missing = call("POST", "/incidents/NOPE/notes", "{\"note\":{\"content\":\"x\"}}",
                TOKEN, "ops@example.com");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("note").path("id").asText();
        assertThat(pd.notes("Q1")).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(id);
            assertThat(n.content()).isEqualTo("Rolled back");
            assertThat(n.from()).isEqualTo("ops@example.com");
        });
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void oncalls_pageWithLimitOffsetAndMore_filterByPolicy_andIncludeUsers() throws Exception {
        pd.addUser("PUSER1", "Robin Ops", "robin@example.com");
        pd.setOnCalls("PEP1", List.of(new PdOnCall("PUSER1", 1), new PdOnCall("PUSER2", 1), new PdOnCall("PUSER3", 2)));
        pd.setOnCalls("PEP2", List.of(new PdOnCall("PUSER4", 1)));

        JsonNode first = json(get("/oncalls?escalation_policy_ids%5B%5D=PEP1&include%5B%5D=users&limit=2&offset=0"));
        JsonNode second = json(get("/oncalls?escalation_policy_ids%5B%5D=PEP1&limit=2&offset=2"));
        JsonNode everyone = json(get("/oncalls"));

        assertThat(first.path("oncalls")).hasSize(2);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(first.path("limit").asInt()).isEqualTo(2);
        assertThat(first.path("oncalls").get(0).path("user").path("email").asText()).isEqualTo("robin@example.com");
        assertThat(first.path("oncalls").get(0).path("escalation_level").asInt()).isEqualTo(1);
        assertThat(second.path("oncalls")).hasSize(1);
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(second.path("oncalls").get(0).path("user").path("type").asText()).isEqualTo("user_reference");
        assertThat(second.path("oncalls").get(0).path("user").has("email")).isFalse();
        assertThat(everyone.path("oncalls")).hasSize(4);
        assertThat(get("/oncalls?limit=101").statusCode()).isEqualTo(400);
    }

    @Test
    void maxPageSize_capsPagesBelowTheAskedLimit() throws Exception {
        pd.setOnCalls("PEP1", List.of(new PdOnCall("PUSER1", 1), new PdOnCall("PUSER2", 1), new PdOnCall("PUSER3", 2)));
        pd.maxPageSize(1);

        JsonNode page = json(get("/oncalls?escalation_policy_ids%5B%5D=PEP1&limit=100&offset=1"));

        assertThat(page.path("oncalls")).hasSize(1);
        assertThat(page.path("limit").asInt()).isEqualTo(1);
        assertThat(page.path("offset").asInt()).isEqualTo(1);
        assertThat(page.path("more").asBoolean()).isTrue();
    }

    @Test
    void users_areServedWithTheirEmail() throws Exception {
        pd.addUser("PUSER1", "Robin Ops", "robin@example.com");

        JsonNode user = json(get("/users/PUSER1")).path("user");

        assertThat(user.path("name").asText()).isEqualTo("Robin Ops");
        assertThat(user.path("email").asText()).isEqualTo("robin@example.com");
        assertThat(get("/users/PNOBODY").statusCode()).isEqualTo(404);
    }

    @Test
    void scriptedAnswers_areUsedFifoPerRoute_beforeTheNormalBehaviour() throws Exception {
        pd.addIncident("Q1", "Checkout down");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimited(7));
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimitedWithReset(3));
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimitedWithoutHeaders());
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.httpError(503));

        HttpResponse<String> retryAfter = get("/incidents/Q1");
        HttpResponse<String> reset = get("/incidents/Q1");
        HttpResponse<String> bare = get("/incidents/Q1");
        HttpResponse<String> unavailable = get("/incidents/Q1");
        HttpResponse<String> normal = get("/incidents/Q1");

        assertThat(retryAfter.statusCode()).isEqualTo(429);
        assertThat(retryAfter.headers().firstValue("Retry-After")).contains("7");
        assertThat(json(retryAfter).path("error").path("code").asInt()).isEqualTo(2020);
        assertThat(reset.headers().firstValue("Retry-After")).isEmpty();
        assertThat(reset.headers().firstValue("ratelimit-reset")).contains("3");
        assertThat(bare.statusCode()).isEqualTo(429);
        assertThat(bare.headers().firstValue("Retry-After")).isEmpty();
        assertThat(bare.headers().firstValue("ratelimit-reset")).isEmpty();
        assertThat(bare.body()).isEmpty();
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(get("/users/PUSER1").statusCode()).as("other routes are not affected").isEqualTo(404);
    }

    @Test
    void delayedAnswer_waitsThenBehavesNormally() throws Exception {
        pd.addIncident("Q1", "Checkout down");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.delayed(Duration.ofMillis(300)));
        long start = System.nanoTime();

        HttpResponse<String> slow = get("/incidents/Q1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(slow.statusCode()).isEqualTo(200);
    }

    @Test
    void webhookDeliveries_areSignedAndParseAsTheEventsTheyClaim() {
        String secret = "whsec-demo";
        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        WebhookDeliveries deliveries = new WebhookDeliveries(secret, Clock.fixed(now, ZoneOffset.UTC));
        PdUser robin = pd.addUser("PUSER1", "Robin Ops", "robin@example.com");
        PdIncident incident = pd.putIncident(pd.addIncident("Q1", "Checkout down").withAssignees(List.of(robin)).withPriority("P2"));
        WebhookParser parser = new WebhookParser();

        SignedWebhook triggered = deliveries.triggered(incident);
        SignedWebhook note = deliveries.annotated(incident, "Rolled back");
        SignedWebhook ping = deliveries.ping();
        SignedWebhook rotated = triggered.signedWith("whsec-old", secret);

        assertThat(new WebhookSignature(secret).verify(triggered.bytes(), triggered.signature())).isTrue();
        assertThat(new WebhookSignature("whsec-old").verify(triggered.bytes(), triggered.signature())).isFalse();
        assertThat(new WebhookSignature("whsec-old").verify(rotated.bytes(), rotated.signature())).isTrue();
        assertThat(new WebhookSignature(secret).verify(triggered.withBody(note.body()).bytes(), triggered.signature())).isFalse();
        assertThat(triggered.headers()).containsKeys("X-Webhook-Id", "Content-Type");

        WebhookEvent event = parser.parse(triggered.bytes());
        assertThat(event.id()).isEqualTo(triggered.eventId());
        assertThat(event.kind()).isEqualTo(WebhookEventType.TRIGGERED);
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.incident().orElseThrow().status()).isEqualTo(PagerDutyStatus.TRIGGERED);
        assertThat(event.incident().orElseThrow().number()).isEqualTo(incident.number());
        assertThat(event.incident().orElseThrow().priority()).contains("P2");
        assertThat(event.incident().orElseThrow().assignees()).extracting(a -> a.id()).containsExactly("PUSER1");
        assertThat(event.incident().orElseThrow().htmlUrl()).isEqualTo(incident.htmlUrl());
        assertThat(parser.parse(note.bytes()).data()).isInstanceOfSatisfying(WebhookData.Note.class,
                n -> assertThat(n.content()).isEqualTo("Rolled back"));
        assertThat(parser.parse(ping.bytes()).kind()).isEqualTo(WebhookEventType.PING);
        assertThat(parser.parse(deliveries.incidentEvent("incident.resolved", incident.withStatus("resolved"),
                now.minusSeconds(60)).bytes()).occurredAt()).isEqualTo(now.minusSeconds(60));
    }
}
