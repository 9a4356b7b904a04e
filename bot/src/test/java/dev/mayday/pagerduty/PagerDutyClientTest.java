package dev.mayday.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdAnswer;
import dev.mayday.sandbox.pagerduty.PdCall;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.sandbox.pagerduty.PdRoute;
import dev.mayday.sandbox.pagerduty.PdUser;
import dev.mayday.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The REST client against the fake PagerDuty over real HTTP. */
class PagerDutyClientTest {

    private static final String TOKEN = "u+pd-test-token-123";
    private static final String FROM = "mayday-bot@example.com";
    /** Short timeouts and backoff so failure paths run in milliseconds. */
    private static final CallPolicy FAST = new CallPolicy(Duration.ofSeconds(1), Duration.ofMillis(250),
            Duration.ofSeconds(2), new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(80)), Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakePagerDuty pd;
    private PagerDutyClient client;
    private PdUser robin;
    private PdUser sam;

    @BeforeEach
    void start() {
        pd = FakePagerDuty.start(TOKEN);
        client = new PagerDutyClient(pd.baseUrl(), TOKEN, FROM, FAST);
        robin = pd.addUser("PUSER1", "Robin Ops", "robin@example.com");
        sam = pd.addUser("PUSER2", "Sam Oncall", "sam@example.com");
    }

    @AfterEach
    void stop() {
        client.close();
        pd.close();
    }

    private PdIncident incident(String id) {
        return pd.putIncident(pd.addIncident(id, "Checkout latency above 2 s").withAssignees(List.of(robin)).withPriority("P1"));
    }

    // --- reads -----------------------------------------------------------------------------------

    @Test
    void getIncident_readsTheRestShape() {
        PdIncident stored = incident("Q1ABC");

        PagerDutyIncident incident = client.getIncident("Q1ABC");

        assertThat(incident.id()).isEqualTo("Q1ABC");
        assertThat(incident.number()).isEqualTo(stored.number()).isPositive();
        assertThat(incident.status()).isEqualTo(PagerDutyStatus.TRIGGERED);
        assertThat(incident.title()).isEqualTo("Checkout latency above 2 s");
        assertThat(incident.htmlUrl()).isEqualTo(stored.htmlUrl());
        assertThat(incident.assignees()).containsExactly(new PagerDutyRef("PUSER1", "Robin Ops", "user_reference"));
        assertThat(incident.escalationPolicyId()).contains(FakePagerDuty.DEFAULT_POLICY_ID);
        assertThat(incident.service().map(PagerDutyRef::summary)).contains(FakePagerDuty.DEFAULT_SERVICE_NAME);
        assertThat(incident.priority()).contains("P1");
        assertThat(incident.urgency()).isEqualTo("high");
        assertThat(incident.createdAt()).isPresent();
    }

    @Test
    void getUser_returnsNameAndEmail() {
        assertThat(client.getUser("PUSER2")).isEqualTo(new PagerDutyUser("PUSER2", "Sam Oncall", Optional.of("sam@example.com")));
    }

    @Test
    void everyCall_carriesTokenAndVersionHeaders_andFromOnlyOnWrites() {
        incident("Q1ABC");

        client.getIncident("Q1ABC");
        client.getUser("PUSER1");
        client.listOncalls(FakePagerDuty.DEFAULT_POLICY_ID);
        client.createNote("Q1ABC", "Rolled back");
        client.updateStatus("Q1ABC", PagerDutyStatus.ACKNOWLEDGED);

        assertThat(pd.calls()).hasSize(5).allSatisfy(call -> {
            assertThat(call.header("Authorization")).isEqualTo("Token token=" + TOKEN);
            assertThat(call.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(pd.calls()).filteredOn(c -> c.method().equals("GET")).hasSize(3)
                .allSatisfy(call -> assertThat(call.header("From")).isNull());
        assertThat(pd.calls()).filteredOn(c -> !c.method().equals("GET")).hasSize(2)
                .allSatisfy(call -> assertThat(call.header("From")).isEqualTo(FROM));
    }

    @Test
    void wrongToken_failsWith401_notRetried_andTheTokenIsNotInTheError() {
        try (PagerDutyClient wrong = new PagerDutyClient(pd.baseUrl(), "not-the-token", FROM, FAST)) {
            PagerDutyCallFailed failure = catchThrowableOfType(() -> wrong.getUser("PUSER1"), PagerDutyCallFailed.class);

            assertThat(failure.status()).isEqualTo(401);
            assertThat(failure.isTransient()).isFalse();
            assertThat(failure.getMessage()).doesNotContain("not-the-token");
            assertThat(pd.calls()).hasSize(1);
        }
    }

    // --- status updates --------------------------------------------------------------------------

    @Test
    void updateStatus_sendsAnIncidentReference_andChangesTheIncident() throws Exception {
        incident("Q1ABC");

        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.RESOLVED)).isEqualTo(StatusUpdate.CHANGED);

        PdCall put = pd.calls(PdRoute.UPDATE_INCIDENT).get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/incidents/Q1ABC");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree(
                "{\"incident\":{\"type\":\"incident_reference\",\"status\":\"resolved\"}}"));
        assertThat(pd.incident("Q1ABC").orElseThrow().status()).isEqualTo("resolved");
    }

    @Test
    void updateStatus_alreadyDone_isDone_1001_1002() {
        incident("Q1ABC");
        client.updateStatus("Q1ABC", PagerDutyStatus.ACKNOWLEDGED);

        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.ACKNOWLEDGED)).isEqualTo(StatusUpdate.ALREADY_ACKNOWLEDGED);
        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.RESOLVED)).isEqualTo(StatusUpdate.CHANGED);
        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.RESOLVED)).isEqualTo(StatusUpdate.ALREADY_RESOLVED);
        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.ACKNOWLEDGED)).isEqualTo(StatusUpdate.ALREADY_RESOLVED);
        assertThat(pd.calls(PdRoute.UPDATE_INCIDENT)).as("answers 1001/1002 are final, not retried").hasSize(5);
    }

    @Test
    void updateStatus_isRetriedOn5xx_becauseRepeatingItIsHarmless() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.UPDATE_INCIDENT, PdAnswer.httpError(502));

        assertThat(client.updateStatus("Q1ABC", PagerDutyStatus.RESOLVED)).isEqualTo(StatusUpdate.CHANGED);
        assertThat(pd.calls(PdRoute.UPDATE_INCIDENT)).hasSize(2);
    }

    @Test
    void updateStatus_toTriggered_isRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.updateStatus("Q1ABC", PagerDutyStatus.TRIGGERED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pd.calls()).isEmpty();
    }

    // --- notes -----------------------------------------------------------------------------------

    @Test
    void createNote_returnsTheNoteId() throws Exception {
        incident("Q1ABC");

        String id = client.createNote("Q1ABC", "Rolled back 4.2.1 — \"latency\" normal");

        assertThat(pd.notes("Q1ABC")).singleElement().satisfies(note -> {
            assertThat(note.id()).isEqualTo(id);
            assertThat(note.content()).isEqualTo("Rolled back 4.2.1 — \"latency\" normal");
            assertThat(note.from()).isEqualTo(FROM);
        });
        assertThat(JSON.readTree(pd.calls(PdRoute.CREATE_NOTE).get(0).body()).path("note").path("content").asText())
                .isEqualTo("Rolled back 4.2.1 — \"latency\" normal");
    }

    @Test
    void createNote_isNotRetriedAfter5xx_becauseItMayHaveBeenCreated() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.CREATE_NOTE, PdAnswer.actedThenFailed(500));

        PagerDutyCallFailed failure = catchThrowableOfType(() -> client.createNote("Q1ABC", "Rolled back"),
                PagerDutyCallFailed.class);

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.isTransient()).isTrue();
        assertThat(pd.calls(PdRoute.CREATE_NOTE)).hasSize(1);
        assertThat(pd.notes("Q1ABC")).as("PagerDuty acted: a retry would have doubled it").hasSize(1);
    }

    @Test
    void createNote_isRetriedAfter429_becauseNothingWasCreated() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.CREATE_NOTE, PdAnswer.rateLimitedWithoutHeaders());

        String id = client.createNote("Q1ABC", "Rolled back");

        assertThat(pd.calls(PdRoute.CREATE_NOTE)).hasSize(2);
        assertThat(pd.notes("Q1ABC")).extracting(n -> n.id()).containsExactly(id);
    }

    @Test
    void listNotes_returnsEachNoteWithItsContent() {
        incident("Q1ABC");
        String first = client.createNote("Q1ABC", "Rolled back");
        String second = client.createNote("Q1ABC", "Latency normal");

        assertThat(client.listNotes("Q1ABC")).containsExactly(new PagerDutyNote(first, "Rolled back"),
                new PagerDutyNote(second, "Latency normal"));
    }

    // --- on-calls --------------------------------------------------------------------------------

    @Test
    void listOncalls_followsOffsetPagingAcrossPages() {
        PdUser kim = pd.addUser("PUSER3", "Kim Lead", "kim@example.com");
        pd.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall(robin.id(), 1), new PdOnCall(sam.id(), 2),
                new PdOnCall(kim.id(), 3), new PdOnCall(robin.id(), 2), new PdOnCall(sam.id(), 1)));
        pd.setOnCalls("POTHER", List.of(new PdOnCall("PUSER9", 1)));
        pd.maxPageSize(2);

        List<OnCall> oncalls = client.listOncalls(FakePagerDuty.DEFAULT_POLICY_ID);

        assertThat(oncalls).containsExactly(
                new OnCall("PUSER1", "Robin Ops", Optional.of("robin@example.com"), 1),
                new OnCall("PUSER2", "Sam Oncall", Optional.of("sam@example.com"), 1),
                new OnCall("PUSER3", "Kim Lead", Optional.of("kim@example.com"), 3));
        List<PdCall> pages = pd.calls(PdRoute.LIST_ONCALLS);
        assertThat(pages).extracting(c -> c.queryParam("offset")).containsExactly("0", "2", "4");
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.queryParams("escalation_policy_ids[]")).containsExactly(FakePagerDuty.DEFAULT_POLICY_ID);
            assertThat(page.queryParams("include[]")).containsExactly("users");
            assertThat(Integer.parseInt(page.queryParam("limit"))).isBetween(1, 100);
        });
    }

    @Test
    void listOncalls_withNobodyOnCall_isEmpty() {
        assertThat(client.listOncalls("PEMPTY")).isEmpty();
        assertThat(pd.calls(PdRoute.LIST_ONCALLS)).hasSize(1);
    }

    // --- failures --------------------------------------------------------------------------------

    @Test
    void rateLimitedWithRetryAfter_nextCallWaitsItOut() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimited(1));

        assertThat(client.getIncident("Q1ABC").id()).isEqualTo("Q1ABC");

        List<PdCall> calls = pd.calls(PdRoute.GET_INCIDENT);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void rateLimitedWithPagerDutysResetHeader_isHonouredToo() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimitedWithReset(1));

        client.getIncident("Q1ABC");

        List<PdCall> calls = pd.calls(PdRoute.GET_INCIDENT);
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void rateLimitedWithoutHeaders_isRetriedAfterABackoff() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimitedWithoutHeaders());
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimitedWithoutHeaders());

        assertThat(client.getIncident("Q1ABC").id()).isEqualTo("Q1ABC");

        List<PdCall> calls = pd.calls(PdRoute.GET_INCIDENT);
        assertThat(calls).hasSize(3);
        // Backoff after attempt 1 is at least half the base delay (10 ms), after attempt 2 at least 20 ms.
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(2).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(25)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitLongerThanTheCallMayWait_failsAtOnce_andLaterCallsAreNotSentUntilItPasses() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.rateLimited(120));
        long start = System.nanoTime();

        PagerDutyCallFailed first = catchThrowableOfType(() -> client.getIncident("Q1ABC"), PagerDutyCallFailed.class);
        PagerDutyCallFailed second = catchThrowableOfType(() -> client.getUser("PUSER1"), PagerDutyCallFailed.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.isTransient()).isTrue();
        assertThat(second.status()).isEqualTo(429);
        assertThat(pd.calls()).hasSize(1);
    }

    @Test
    void serverErrorThenSuccess_isRetried() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.httpError(500));
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.httpError(503));

        assertThat(client.getIncident("Q1ABC").id()).isEqualTo("Q1ABC");
        assertThat(pd.calls(PdRoute.GET_INCIDENT)).hasSize(3);
    }

    @Test
    void serverErrorsForever_failAfterTheBoundedAttempts() {
        incident("Q1ABC");
        for (int i = 0; i < 5; i++) {
            pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.httpError(500));
        }

        PagerDutyCallFailed failure = catchThrowableOfType(() -> client.getIncident("Q1ABC"), PagerDutyCallFailed.class);

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.errorCode()).hasValue(2000);
        assertThat(failure.isTransient()).isTrue();
        assertThat(pd.calls(PdRoute.GET_INCIDENT)).hasSize(FAST.retry().maxAttempts());
    }

    @Test
    void notFound_failsAtOnceWithMethodPathAndStatus() {
        PagerDutyCallFailed failure = catchThrowableOfType(() -> client.getIncident("PNOPE"), PagerDutyCallFailed.class);

        assertThat(failure.method()).isEqualTo("GET");
        assertThat(failure.path()).isEqualTo("/incidents/PNOPE");
        assertThat(failure.status()).isEqualTo(404);
        assertThat(failure.errorCode()).hasValue(2100);
        assertThat(failure.detail()).contains("Not Found");
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).contains("GET /incidents/PNOPE", "404").doesNotContain(TOKEN);
        assertThat(pd.calls()).hasSize(1);
    }

    @Test
    void slowAnswers_areCutOffByTheReadTimeout_andTheCallIsBounded() {
        incident("Q1ABC");
        for (int i = 0; i < FAST.retry().maxAttempts(); i++) {
            pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.delayed(Duration.ofSeconds(3)));
        }
        long start = System.nanoTime();

        PagerDutyCallFailed failure = catchThrowableOfType(() -> client.getIncident("Q1ABC"), PagerDutyCallFailed.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(failure.status()).isZero();
        assertThat(failure.detail()).isEqualTo("timed out");
        assertThat(failure.isTransient()).isTrue();
        assertThat(pd.calls(PdRoute.GET_INCIDENT)).hasSize(FAST.retry().maxAttempts());
    }

    @Test
    void slowAnswerOnce_isRetriedAndSucceeds() {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.delayed(Duration.ofSeconds(2)));

        assertThat(client.getIncident("Q1ABC").id()).isEqualTo("Q1ABC");
        assertThat(pd.calls(PdRoute.GET_INCIDENT)).hasSize(2);
    }

    @Test
    void refusedConnection_isATransientFailureWithoutStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (PagerDutyClient nowhere = new PagerDutyClient("http://127.0.0.1:" + closedPort, TOKEN, FROM, FAST)) {
            PagerDutyCallFailed failure = catchThrowableOfType(() -> nowhere.createNote("Q1ABC", "x"), PagerDutyCallFailed.class);

            assertThat(failure.status()).isZero();
            assertThat(failure.detail()).isEqualTo("connection refused");
            assertThat(failure.isTransient()).isTrue();
        }
    }

    @Test
    void concurrentCalls_reachPagerDutyOneAtATime() throws Exception {
        incident("Q1ABC");
        pd.enqueue(PdRoute.GET_INCIDENT, PdAnswer.delayed(Duration.ofMillis(200)));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<PagerDutyIncident>> results = List.of(
                    callers.submit(() -> client.getIncident("Q1ABC")),
                    callers.submit(() -> client.getIncident("Q1ABC")),
                    callers.submit(() -> client.getIncident("Q1ABC")));
            for (Future<PagerDutyIncident> result : results) {
                assertThat(result.get().id()).isEqualTo("Q1ABC");
            }
        } finally {
            callers.shutdownNow();
        }

        List<Instant> arrivals = pd.calls(PdRoute.GET_INCIDENT).stream().map(PdCall::receivedAt).sorted().toList();
        assertThat(arrivals).hasSize(3);
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1)))
                .as("the second request waits for the slow first one").isGreaterThanOrEqualTo(Duration.ofMillis(180));
    }
}
