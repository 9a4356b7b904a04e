package dev.mayday.store;

import dev.mayday.db.StoreKind;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.support.TestPostgres;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as a server runs it, on a PostgreSQL database of its own: slash commands, the outbox's delivery to the
 * (fake) Slack, PagerDuty webhooks delivered again and at once, and {@code /health} when the database goes away.
 */
class PostgresEndToEndTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    TestPostgres.Scratch database;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to run on (see TestPostgres)").isPresent();
        database = TestPostgres.server().orElseThrow().createDatabase();
        sandbox = Sandbox.startOnStore(database.url());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void declareNoteAndStatus_areStored_andEachReachesSlackOnce() {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is slow");
        sandbox.command(SAM, channel, "note Cache warm-up took 6 minutes");
        sandbox.command(ALEX, channel, "status identified");

        assertThat(sandbox.app.database().kind()).isEqualTo(StoreKind.POSTGRESQL);
        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.title()).isEqualTo("Checkout is slow");
        assertThat(incident.status()).isEqualTo(Status.IDENTIFIED);
        assertThat(sandbox.timeline(channel)).extracting(TimelineEntry::kind)
                .contains(TimelineKind.NOTE_ADDED, TimelineKind.STATUS_CHANGED);
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
        List<String> posted = sandbox.slack.messages(channel).stream().map(FakeMessage::text).toList();
        assertThat(posted.stream().filter(text -> text.contains("Cache warm-up took 6 minutes"))).hasSize(1);
        assertThat(posted.stream().filter(text -> text.contains("moved the status: Investigating → Identified")))
                .hasSize(1);
        List<OutboxRow> outbox = sandbox.app.database().read(store -> store.outbox().forIncident(incident.id()));
        assertThat(outbox).isNotEmpty().extracting(OutboxRow::state).containsOnly("DONE");
    }

    @Test
    void aWebhookDeliveredAgainAndConcurrently_declaresOneIncident() throws Exception {
        PdIncident page = sandbox.pagerDuty.putIncident(
                sandbox.pagerDuty.addIncident("PD123", "Checkout API 5xx above 5%").withPriority("P1"));
        SignedWebhook triggered = sandbox.webhooks.triggered(page);
        List<Integer> statuses = new ArrayList<>();
        statuses.add(sandbox.deliver(triggered).statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                copies.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return sandbox.deliver(triggered);
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
        assertThat(sandbox.incidents()).singleElement().satisfies(incident ->
                assertThat(incident.title()).isEqualTo("Checkout API 5xx above 5%"));
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
    }

    @Test
    void health_namesTheDatabase_andIs503WhileTheDatabaseIsGone() throws Exception {
        HttpResponse<String> healthy = sandbox.get("/health");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("\"database\":\"postgresql\"").contains("\"writable\":true");

        // the pool and the outbox say what losing the database does to them: kept here, not printed as a failure
        try (CapturedLog pool = CapturedLog.of("com.zaxxer.hikari");
             CapturedLog mayday = CapturedLog.of("dev.mayday")) {
            database.cutOff();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> gone = sandbox.get("/health");
                assertThat(gone.statusCode()).isEqualTo(503);
                assertThat(gone.body()).contains("\"database\":\"postgresql\"").contains("\"writable\":false");
            });

            database.reconnect();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(sandbox.get("/health").statusCode()).isEqualTo(200));
        }
    }

    @Test
    void webhooksForManyPagesAtOnce_eachDeliveredTwice_areAllAccepted_whileTheOutboxDelivers() throws Exception {
        List<SignedWebhook> webhooks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PdIncident page = sandbox.pagerDuty.putIncident(
                    sandbox.pagerDuty.addIncident("PDM" + i, "Checkout API 5xx " + i).withPriority("P1"));
            webhooks.add(sandbox.webhooks.triggered(page));
            webhooks.add(sandbox.webhooks.acknowledged(page));
        }
        List<SignedWebhook> deliveries = new ArrayList<>(webhooks);
        deliveries.addAll(webhooks);
        java.util.Collections.shuffle(deliveries, new java.util.Random(14));
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (SignedWebhook webhook : deliveries) {
                answers.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return sandbox.deliver(webhook);
                }));
            }
            gate.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        sandbox.settle();

        assertThat(statuses).containsOnly(202);
        assertThat(sandbox.incidents()).hasSize(12);
        assertThat(sandbox.calls("conversations.create")).hasSize(12);
    }
}
