package dev.mayday.faults;

import dev.mayday.http.PagerDutyWebhookEndpoint;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdRoute;
import dev.mayday.sandbox.pagerduty.PdUser;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault suite, "PagerDuty": one PagerDuty incident's lifecycle (triggered, acknowledged, reassigned, annotated,
 * priority raised to P2, resolved) delivered in any order, some deliveries repeated later (same event id and
 * {@code X-Webhook-Id}), some as five concurrent copies, and some first hitting a transient store fault, after which
 * PagerDuty retries them. Whatever the schedule: one Mayday incident, in the state of the newest event, every note
 * once; every answer a 2xx, or a 5xx while the store fails, never a 4xx (PagerDuty drops those, and disables a
 * subscription after three).
 * <p>
 * One server serves every try; each try pages with a PagerDuty incident of its own.
 */
class PagerDutyShuffleTest {

    private static final Instant OCCURRED = Instant.parse("2026-03-14T09:00:00Z");
    private static final PdUser ANN = new PdUser("PUANN", "Ann Oncall", "ann@example.com");
    private static final PdUser BO = new PdUser("PUBO", "Bo Backup", "bo@example.com");
    private static final int LIFECYCLE = 6;
    private static final int ANNOTATED = 3;
    private static final int CONCURRENT_COPIES = 5;

    private static Path dir;
    private static Sandbox sandbox;
    private static ExecutorService copies;
    private static final AtomicInteger pages = new AtomicInteger();
    private static CapturedLog storeFailures;

    @BeforeContainer
    static void start() throws IOException {
        storeFailures = CapturedLog.of(PagerDutyWebhookEndpoint.class);
        dir = Files.createTempDirectory("mayday-pd-shuffle");
        sandbox = Sandbox.start(dir);
        copies = Executors.newFixedThreadPool(CONCURRENT_COPIES);
        // A write failure the store recovers from, for the deliveries a schedule names: their event ids are listed here
        sandbox.app.database().jdbi().useTransaction(h -> {
            h.execute("CREATE TABLE test_store_faults (event_id TEXT PRIMARY KEY)");
            h.execute("""
                    CREATE TRIGGER test_store_fault BEFORE INSERT ON pagerduty_events
                    WHEN NEW.event_id IN (SELECT event_id FROM test_store_faults)
                    BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END""");
        });
    }

    @AfterContainer
    static void stop() throws IOException {
        copies.shutdownNow();
        sandbox.close();
        storeFailures.close();
        // the faults are injected: each is logged, with its cause, and none is anything else
        assertThat(storeFailures.events()).allSatisfy(failure -> {
            assertThat(failure.getFormattedMessage()).startsWith("Could not store PagerDuty event");
            assertThat(failure.getThrowableProxy().getMessage()).contains("disk I/O error (injected)");
        });
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One delivery of lifecycle event {@code event}, sent {@code copies} times at once, failing in the store if {@code faulted}. */
    record Step(int event, int copies, boolean faulted) {
        @Override
        public String toString() {
            return NAMES[event] + (copies > 1 ? " ×" + copies : "") + (faulted ? " (store fails)" : "");
        }
    }

    private static final String[] NAMES = {"triggered", "acknowledged", "reassigned", "annotated", "priority_updated",
            "resolved"};

    @Provide
    Arbitrary<List<Step>> schedules() {
        Arbitrary<List<Integer>> order = Arbitraries.shuffle(0, 1, 2, 3, 4, 5);
        Arbitrary<List<Integer>> copiesOf = Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(1, CONCURRENT_COPIES))
                .list().ofSize(LIFECYCLE);
        Arbitrary<List<Boolean>> faultedOf = Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true))
                .list().ofSize(LIFECYCLE);
        Arbitrary<List<Tuple2<Integer, Integer>>> repeats = Combinators.combine(
                Arbitraries.integers().between(0, LIFECYCLE - 1), Arbitraries.integers().between(0, 2 * LIFECYCLE))
                .as(Tuple::of).list().ofMaxSize(4);
        return Combinators.combine(order, copiesOf, faultedOf, repeats).as((o, c, f, r) -> {
            List<Step> steps = new ArrayList<>();
            for (int event : o) {
                steps.add(new Step(event, c.get(event), f.get(event)));
            }
            for (Tuple2<Integer, Integer> repeat : r) {
                // a redelivery comes after the first delivery of the same event
                int first = 0;
                while (steps.get(first).event() != repeat.get1()) {
                    first++;
                }
                steps.add(Math.max(first + 1, Math.min(repeat.get2(), steps.size())), new Step(repeat.get1(), 1, false));
            }
            return steps;
        });
    }

    @Property(tries = 30)
    void shuffledRepeatedConcurrentDeliveries_convergeOnOneIncidentInTheNewestState(
            @ForAll("schedules") List<Step> schedule) throws Exception {
        int number = pages.incrementAndGet();
        String pagerId = "PSHUF" + number;
        String note = "Rolled back the 14:02 deploy (page " + number + ")";
        PdIncident triggered = sandbox.pagerDuty.putIncident(sandbox.pagerDuty
                .addIncident(pagerId, "Checkout 5xx page " + number).withPriority("P1").withAssignees(List.of(ANN)));
        PdIncident acknowledged = triggered.withStatus("acknowledged");
        SignedWebhook[] lifecycle = {
                sandbox.webhooks.incidentEvent("incident.triggered", triggered, OCCURRED.plusSeconds(10)),
                sandbox.webhooks.incidentEvent("incident.acknowledged", acknowledged, OCCURRED.plusSeconds(20)),
                sandbox.webhooks.incidentEvent("incident.reassigned", acknowledged.withAssignees(List.of(BO)),
                        OCCURRED.plusSeconds(30)),
                sandbox.webhooks.annotated(acknowledged, note, OCCURRED.plusSeconds(40)),
                sandbox.webhooks.incidentEvent("incident.priority_updated",
                        acknowledged.withAssignees(List.of(BO)).withPriority("P2"), OCCURRED.plusSeconds(50)),
                sandbox.webhooks.incidentEvent("incident.resolved",
                        acknowledged.withAssignees(List.of(BO)).withPriority("P2").withStatus("resolved"),
                        OCCURRED.plusSeconds(60))};

        List<Step> retries = new ArrayList<>();
        for (Step step : schedule) {
            deliver(lifecycle[step.event()], step, retries);
        }
        for (Step retry : retries) {
            deliver(lifecycle[retry.event()], retry, new ArrayList<>());
        }
        sandbox.settle();

        List<Long> linked = sandbox.app.database().jdbi().withHandle(h -> h
                .createQuery("SELECT id FROM incidents WHERE pagerduty_id = :id").bind("id", pagerId).mapTo(Long.class).list());
        assertThat(linked).as("Mayday incidents for " + pagerId).hasSize(1);
        Incident incident = sandbox.app.incidents().byId(linked.get(0)).orElseThrow();
        assertThat(incident.status()).isEqualTo(Status.RESOLVED);
        assertThat(incident.times().resolvedAt()).isEqualTo(OCCURRED.plusSeconds(60));
        assertThat(incident.times().acknowledgedAt()).isEqualTo(OCCURRED.plusSeconds(20));
        assertThat(incident.severity()).as("P2, the priority of the newest event").isEqualTo(Severity.SEV2);

        List<TimelineEntry> timeline = sandbox.app.incidents().timeline(incident.id());
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineKind.DECLARED).hasSize(1);
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineKind.RESOLVED).hasSize(1);
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineKind.NOTE_ADDED).as("the PagerDuty note, once")
                .singleElement().satisfies(e -> assertThat(e.text()).contains(note));
        assertThat(timeline).filteredOn(e -> e.text() != null && e.text().startsWith("Acknowledged in PagerDuty"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(timeline).filteredOn(e -> e.text() != null && e.text().startsWith("Reassigned in PagerDuty"))
                .hasSizeLessThanOrEqualTo(1);

        String channelName = "inc-20260314-checkout-5xx-page-" + number;
        assertThat(sandbox.slack.channels()).filteredOn(c -> c.name().equals(channelName)
                || c.name().matches(Pattern.quote(channelName) + "-\\d+")).as("channels for page " + number).hasSize(1);
        assertThat(sandbox.slack.messages(incident.place().channelId())).extracting(FakeMessage::text)
                .filteredOn(t -> t.contains(note)).as("the note in the channel").hasSize(1);
        assertThat(sandbox.pagerDuty.calls(PdRoute.UPDATE_INCIDENT)).as("nothing from PagerDuty is echoed back").isEmpty();
        assertThat(sandbox.pagerDuty.notes(pagerId)).isEmpty();
    }

    /**
     * Sends one step and checks every answer: 202, or 5xx while the store fails (then PagerDuty retries it later,
     * added to {@code retries}). Never a 4xx.
     */
    private static void deliver(SignedWebhook webhook, Step step, List<Step> retries) throws Exception {
        if (step.faulted()) {
            faults(webhook.eventId(), true);
        }
        List<Integer> statuses = new ArrayList<>();
        if (step.copies() == 1) {
            statuses.add(sandbox.deliver(webhook).statusCode());
        } else {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < step.copies(); i++) {
                sent.add(copies.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return sandbox.deliver(webhook);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                statuses.add(answer.get(20, TimeUnit.SECONDS).statusCode());
            }
        }
        if (step.faulted()) {
            faults(webhook.eventId(), false);
            retries.add(new Step(step.event(), 1, false));
            assertThat(statuses).as(step + ": a transient store fault is a 5xx, so PagerDuty retries")
                    .allSatisfy(status -> assertThat(status).isBetween(500, 599));
        } else {
            assertThat(statuses).as(step.toString()).containsOnly(202);
        }
    }

    private static void faults(String eventId, boolean on) {
        sandbox.app.database().jdbi().useTransaction(h -> h.execute(on
                ? "INSERT INTO test_store_faults (event_id) VALUES (?)"
                : "DELETE FROM test_store_faults WHERE event_id = ?", eventId));
    }
}
