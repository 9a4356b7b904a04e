package dev.mayday.pagerduty;

import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdAnswer;
import dev.mayday.sandbox.pagerduty.PdCall;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.sandbox.pagerduty.PdRoute;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PagerDuty pages become incidents, their events move them, and Slack actions flow back — over real HTTP. */
class PagerDutyIntegrationTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    PdIncident page;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
        page = sandbox.pagerDuty.putIncident(sandbox.pagerDuty.addIncident("PD123", "Checkout API 5xx above 5%")
                .withPriority("P1"));
    }

    private Incident theIncident() {
        assertThat(sandbox.incidents()).hasSize(1);
        return sandbox.incidents().get(0);
    }

    private List<String> channelTexts(Incident incident) {
        return sandbox.slack.messages(incident.place().channelId()).stream().map(FakeMessage::text).toList();
    }

    @Test
    void triggered_declaresOneIncident_howeverOftenAndConcurrentlyItIsDelivered() throws Exception {
        SignedWebhook triggered = sandbox.webhooks.triggered(page);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(sandbox.deliver(triggered).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> copies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SignedWebhook copy = i % 2 == 0 ? triggered : sandbox.webhooks.triggered(page);
                copies.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return sandbox.deliver(copy);
                }));
            }
            gate.countDown();
            for (Future<HttpResponse<String>> copy : copies) {
                statuses.add(copy.get(20, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        sandbox.settle();

        assertThat(statuses).containsOnly(202);
        Incident incident = theIncident();
        assertThat(incident.title()).isEqualTo("Checkout API 5xx above 5%");
        assertThat(incident.severity()).as("P1 maps to SEV1").isEqualTo(Severity.SEV1);
        assertThat(incident.people().declaredBy()).isEqualTo("PagerDuty");
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
        java.util.Optional<String> link = sandbox.app.database().read(s -> s.pagerDuty().pagerUrlOf(incident.id()));
        assertThat(link).contains(page.htmlUrl());
    }

    @Test
    void triggered_invitesTheOnCallRespondersFoundInPagerDuty() {
        sandbox.pagerDuty.addUser("PU1", "Ann Oncall", "ann@example.com");
        sandbox.pagerDuty.addUser("PU2", "Bo Nomatch", "bo@example.com");
        sandbox.pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PU1", 1), new PdOnCall("PU2", 2)));
        sandbox.slack.addUser("U0ANN", "ann@example.com", "ann");

        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();

        Incident incident = theIncident();
        assertThat(sandbox.slack.channel(incident.place().channelId()).orElseThrow().members()).contains("U0ANN");
        assertThat(channelTexts(incident)).anySatisfy(t -> assertThat(t)
                .contains("invited <@U0ANN>").contains("no Slack user matches Bo Nomatch (bo@example.com)"));
    }

    @Test
    void onCallLine_thatSlackPostedButAnswered5xx_isNotPostedTwiceByTheRetry() {
        sandbox.pagerDuty.addUser("PU1", "Ann Oncall", "ann@example.com");
        sandbox.pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PU1", 1)));
        sandbox.slack.addUser("U0ANN", "ann@example.com", "ann");
        // holds the on-call lookup until the card and the announcement are up, so the next post is the on-call line
        sandbox.pagerDuty.enqueue(PdRoute.LIST_ONCALLS, PdAnswer.delayed(Duration.ofSeconds(2)));

        sandbox.deliver(sandbox.webhooks.triggered(page));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.incidents().size() == 1
                && theIncident().place().card().isPresent() && theIncident().place().announcement().isPresent()
                && !sandbox.pagerDuty.calls(PdRoute.LIST_ONCALLS).isEmpty());
        sandbox.slack.enqueue("chat.postMessage", FakeAnswer.actedThenFailed(500));
        sandbox.settle();

        assertThat(channelTexts(theIncident())).filteredOn(t -> t.startsWith(":pager: On call in PagerDuty"))
                .containsExactly(":pager: On call in PagerDuty: invited <@U0ANN>.");
    }

    @Test
    void eventsArrivingOutOfOrder_neverMoveTheStateBackwards() {
        Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.resolved", page.withStatus("resolved"), t.plusSeconds(30)));
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.acknowledged", page.withStatus("acknowledged"), t.plusSeconds(20)));
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.triggered", page, t.plusSeconds(10)));
        sandbox.settle();

        Incident incident = theIncident();
        assertThat(incident.status()).isEqualTo(Status.RESOLVED);
        assertThat(incident.times().resolvedAt()).isEqualTo(t.plusSeconds(30));
        assertThat(incident.times().acknowledgedAt()).as("an older ack still records when it happened").isEqualTo(t.plusSeconds(20));
        assertThat(sandbox.pagerDuty.calls(PdRoute.UPDATE_INCIDENT)).as("a resolve from PagerDuty is not echoed back").isEmpty();
    }

    @Test
    void priorityChangeDeliveredAfterANewerEvent_theNewerEventsPriorityIsFollowed() {
        Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.acknowledged", page.withStatus("acknowledged"), t.plusSeconds(10)));
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.resolved", page.withPriority("P2").withStatus("resolved"),
                t.plusSeconds(30)));
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.priority_updated", page.withPriority("P2")
                .withStatus("acknowledged"), t.plusSeconds(20)));
        sandbox.settle();

        Incident incident = theIncident();
        assertThat(incident.status()).isEqualTo(Status.RESOLVED);
        assertThat(incident.severity()).as("P2, as the newest event shows").isEqualTo(Severity.SEV2);
        assertThat(sandbox.app.incidents().timeline(incident.id())).filteredOn(e -> e.kind() == TimelineKind.SEVERITY_CHANGED)
                .extracting(TimelineEntry::text).containsExactly("SEV1 → SEV2 (PagerDuty priority)");
    }

    @Test
    void severitySetInSlack_standsUntilPagerDutysPriorityChanges() {
        Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.triggered", page, t.plusSeconds(10)));
        sandbox.settle();
        sandbox.command("U0ALEX", theIncident().place().channelId(), "sev 3");

        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.acknowledged", page.withStatus("acknowledged"), t.plusSeconds(20)));
        sandbox.settle();
        assertThat(theIncident().severity()).as("PagerDuty still says P1: the Slack change stands").isEqualTo(Severity.SEV3);

        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.reassigned", page.withStatus("acknowledged").withPriority("P2"),
                t.plusSeconds(30)));
        sandbox.settle();
        assertThat(theIncident().severity()).as("PagerDuty's priority moved to P2").isEqualTo(Severity.SEV2);
    }

    @Test
    void noteDeliveredBeforeAnyEventThatOpensTheIncident_isAddedWhenTheIncidentIsDeclared() {
        Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SignedWebhook note = sandbox.webhooks.annotated(page, "Paged the database team", t.plusSeconds(20));

        assertThat(sandbox.deliver(note).statusCode()).isEqualTo(202);
        assertThat(sandbox.incidents()).isEmpty();
        sandbox.deliver(sandbox.webhooks.incidentEvent("incident.triggered", page, t.plusSeconds(10)));
        sandbox.deliver(note);
        sandbox.settle();

        Incident incident = theIncident();
        assertThat(sandbox.app.incidents().timeline(incident.id())).filteredOn(e -> e.kind() == TimelineKind.NOTE_ADDED)
                .singleElement().satisfies(e -> assertThat(e.text()).contains("Paged the database team"));
        assertThat(channelTexts(incident)).filteredOn(text -> text.contains("Paged the database team")).hasSize(1);
    }

    @Test
    void lifecycleInOrder_movesTheIncidentAndRecordsPagerDutyEvents() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.deliver(sandbox.webhooks.acknowledged(page.withStatus("acknowledged")));
        sandbox.deliver(sandbox.webhooks.priorityUpdated(page.withPriority("P2")));
        sandbox.deliver(sandbox.webhooks.annotated(page, "Rolled back the 14:02 deploy"));
        sandbox.deliver(sandbox.webhooks.resolved(page.withPriority("P2").withStatus("resolved")));
        sandbox.settle();

        Incident incident = theIncident();
        assertThat(incident.status()).isEqualTo(Status.RESOLVED);
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        assertThat(incident.times().acknowledgedAt()).isNotNull();
        List<TimelineEntry> timeline = sandbox.app.incidents().timeline(incident.id());
        assertThat(timeline).extracting(TimelineEntry::kind).containsSubsequence(TimelineKind.DECLARED,
                TimelineKind.PAGERDUTY, TimelineKind.SEVERITY_CHANGED, TimelineKind.NOTE_ADDED, TimelineKind.RESOLVED);
        assertThat(timeline).anySatisfy(e -> assertThat(e.text()).contains("Rolled back the 14:02 deploy"));
        assertThat(channelTexts(incident)).anySatisfy(t -> assertThat(t).contains("resolved the incident"));
    }

    @Test
    void resolveAndNoteInSlack_flowBackToPagerDutyOnce() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();
        String channel = theIncident().place().channelId();

        sandbox.command("U0ALEX", channel, "note Failover to eu-west done");
        sandbox.command("U0ALEX", channel, "resolve Rolled back");

        assertThat(sandbox.pagerDuty.notes("PD123")).singleElement()
                .satisfies(note -> assertThat(note.content()).contains("Failover to eu-west done"));
        assertThat(sandbox.pagerDuty.incident("PD123").orElseThrow().status()).isEqualTo("resolved");
        PdCall put = sandbox.pagerDuty.calls(PdRoute.UPDATE_INCIDENT).get(0);
        assertThat(put.header("From")).isEqualTo("mayday@example.com");
        assertThat(put.body()).contains("\"status\":\"resolved\"");

        String noteId = sandbox.pagerDuty.notes("PD123").get(0).id();
        int timelineBefore = sandbox.timeline(channel).size();
        sandbox.deliver(sandbox.webhooks.annotated(page, "Failover to eu-west done (<@U0ALEX> via Mayday)"));
        sandbox.settle();
        assertThat(noteId).isNotBlank();
        assertThat(sandbox.pagerDuty.notes("PD123")).hasSize(1);
        assertThat(sandbox.timeline(channel).size()).isGreaterThanOrEqualTo(timelineBefore);
    }

    @Test
    void noteInSlack_thatPagerDutyTookButAnswered5xx_isNotAddedTwiceByTheRetry() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();
        String channel = theIncident().place().channelId();
        sandbox.pagerDuty.enqueue(PdRoute.CREATE_NOTE, PdAnswer.actedThenFailed(500));

        sandbox.command("U0ALEX", channel, "note Failover to eu-west done");

        assertThat(sandbox.pagerDuty.notes("PD123")).singleElement()
                .satisfies(note -> assertThat(note.content()).startsWith("Failover to eu-west done"));
        assertThat(sandbox.pagerDuty.calls(PdRoute.LIST_NOTES)).as("the retry looked for the note first").isNotEmpty();
    }

    @Test
    void twoEqualNotes_bothReachPagerDuty_whenTheSecondIsRetriedAfterAnAmbiguousFailure() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();
        String channel = theIncident().place().channelId();

        sandbox.command("U0ALEX", channel, "note Still failing over");
        sandbox.pagerDuty.enqueue(PdRoute.CREATE_NOTE, PdAnswer.actedThenFailed(500));
        sandbox.command("U0ALEX", channel, "note Still failing over");

        assertThat(sandbox.pagerDuty.notes("PD123")).hasSize(2)
                .allSatisfy(note -> assertThat(note.content()).startsWith("Still failing over"));
    }

    @Test
    void pagerDutyDown_doesNotHoldUpSlack_andTheChannelHearsOfIt() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();
        Incident incident = theIncident();
        for (int i = 0; i < 8; i++) {
            sandbox.pagerDuty.enqueue(PdRoute.UPDATE_INCIDENT, PdAnswer.httpError(503));
        }

        sandbox.simulator.command("U0ALEX", incident.place().channelId(), "resolve Rolled back");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(channelTexts(incident)).anySatisfy(t -> assertThat(t).contains("resolved the incident"));
            assertThat(channelTexts(incident)).anySatisfy(t -> assertThat(t)
                    .contains("could not resolve the PagerDuty incident").contains("keeps trying"));
        });
        sandbox.settle();
        assertThat(sandbox.pagerDuty.incident("PD123").orElseThrow().status()).isEqualTo("resolved");
    }

    @Test
    void pdCommand_showsTheLinkedIncident() {
        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.settle();

        var reply = sandbox.command("U0ALEX", theIncident().place().channelId(), "pd");

        assertThat(reply.text()).contains("Asking PagerDuty");
        assertThat(sandbox.calls("response_url")).anySatisfy(call -> assertThat(call.param("text"))
                .contains("Checkout API 5xx above 5%").contains("triggered").contains(page.htmlUrl()));
        assertThat(sandbox.command("U0ALEX", sandbox.generalChannel, "pd").text()).contains("not an incident channel");
    }

    @Test
    void badDeliveries_areRefusedWithTheRightStatusAndStoreNothing() {
        SignedWebhook genuine = sandbox.webhooks.triggered(page);

        assertThat(sandbox.deliver(genuine.withSignature("v1=" + "00".repeat(32))).statusCode()).isEqualTo(401);
        assertThat(sandbox.deliver(genuine.withSignature(null)).statusCode()).isEqualTo(401);
        assertThat(sandbox.deliver(genuine.withBody("{\"event\":{\"id\":\"x\"}}").signedWith(Sandbox.PAGERDUTY_SECRET))
                .statusCode()).isEqualTo(400);
        assertThat(sandbox.deliver(sandbox.webhooks.ping()).statusCode()).isEqualTo(202);
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void duringSecretRotation_aDeliveryWithTwoSignaturesIsAccepted() {
        SignedWebhook rotated = sandbox.webhooks.triggered(page).signedWith("the-new-secret", Sandbox.PAGERDUTY_SECRET);

        assertThat(rotated.signature()).contains(",");
        assertThat(sandbox.deliver(rotated).statusCode()).isEqualTo(202);
        sandbox.settle();
        assertThat(sandbox.incidents()).hasSize(1);
    }
}
