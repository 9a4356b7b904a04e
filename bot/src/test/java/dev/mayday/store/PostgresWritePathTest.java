package dev.mayday.store;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Declared;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.LeadPages;
import dev.mayday.incident.PagerEvent;
import dev.mayday.incident.PagerSync;
import dev.mayday.incident.Severity;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Writes that collide on PostgreSQL: many declares at once by one person (every one of them queues that person's App
 * Home refresh under one key) must each be stored whole, incident and outbox rows together, without the store giving
 * up on retries (as SERIALIZABLE did: "could not serialize access", twenty times over). The lead is picked from the rotation, as in the product (its lock makes picks take turns).
 */
class PostgresWritePathTest {

    private static final int DECLARES = 40;
    private static final int PAGER_INCIDENTS = 12;

    TestPostgres.Scratch scratch;
    Database database;

    @BeforeEach
    void open() {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to run on (see TestPostgres)").isPresent();
        scratch = TestPostgres.server().orElseThrow().createDatabase();
        database = Database.open(scratch.url());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Test
    void manyDeclaresAtOnce_byOnePerson_areEachStoredWithTheirOutboxRows() throws Exception {
        IncidentService incidents = new IncidentService(database, Clock.systemUTC(), IncidentNotifier.waking(() -> { }),
                new LeadPages(new RotationPicker(), Set.of()));
        // fewer threads than the store's pool (10): what is shown is the store giving up, not a wait for a connection
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Declared>> declares = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        try {
            CountDownLatch gate = new CountDownLatch(1);
            for (int i = 0; i < DECLARES; i++) {
                int n = i;
                declares.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return incidents.declare(new Declaration("Checkout is down " + n, null, Severity.SEV2, false, false,
                            "U0ALEX", "command:trigger-" + n, "C0GENERAL"));
                }));
            }
            gate.countDown();
            for (Future<Declared> declare : declares) {
                try {
                    declare.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("declares the store gave up on").isEmpty();
        List<OutboxRow> setUps = database.read(store -> store.outbox().ofType("ChannelSetUp"));
        assertThat(setUps).hasSize(DECLARES);
        List<OutboxRow> homes = database.read(store -> store.outbox().ofType("HomeRefresh"));
        assertThat(homes).as("one refresh waits for the declarer, however many asked").hasSize(1);
    }

    @Test
    void webhooksAtOnce_forManyPagerIncidents_andEachDeliveredTwice_areAllStored() throws Exception {
        IncidentService incidents = new IncidentService(database, Clock.systemUTC(), IncidentNotifier.waking(() -> { }),
                new LeadPages(new RotationPicker(), Set.of()));
        PagerSync sync = new PagerSync(database, incidents, IncidentNotifier.waking(() -> { }), Clock.systemUTC());
        DutyService duty = new DutyService(database, Clock.systemUTC(), ZoneOffset.UTC);
        duty.join("U0ALEX", MemberKind.ENGINEER);
        duty.join("U0SAM", MemberKind.ENGINEER);
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        List<PagerEvent> events = new ArrayList<>();
        for (int i = 0; i < PAGER_INCIDENTS; i++) {
            String pagerId = "PD" + i;
            events.add(event("t-" + i, PagerEvent.Kind.TRIGGERED, pagerId, at));
            events.add(event("a-" + i, PagerEvent.Kind.ACKNOWLEDGED, pagerId, at.plusSeconds(1)));
            events.add(event("n-" + i, PagerEvent.Kind.ANNOTATED, pagerId, at.plusSeconds(2)));
        }
        List<PagerEvent> deliveries = new ArrayList<>(events);
        deliveries.addAll(events); // PagerDuty delivers again when unsure
        java.util.Collections.shuffle(deliveries, new java.util.Random(14));

        List<Throwable> failures = atOnce(deliveries.stream().<java.util.concurrent.Callable<Object>>map(event -> () ->
                sync.handle(event)).toList());

        assertThat(failures).as("webhooks the store gave up on (answered 503)").isEmpty();
        for (int i = 0; i < PAGER_INCIDENTS; i++) {
            String pagerId = "PD" + i;
            long id = database.read(store -> store.pagerDuty().incidentFor(pagerId)).orElseThrow();
            List<String> kinds = database.read(store -> store.timeline().forIncident(id)).stream()
                    .map(entry -> entry.kind() + ":" + entry.text()).toList();
            assertThat(kinds).as("timeline of " + pagerId).filteredOn(k -> k.contains("Acknowledged")).hasSize(1);
            assertThat(kinds).as("timeline of " + pagerId).filteredOn(k -> k.contains("checked the dashboards"))
                    .hasSize(1);
        }
        List<OutboxRow> setUps = database.read(store -> store.outbox().ofType("ChannelSetUp"));
        assertThat(setUps).as("one incident per pager incident").hasSize(PAGER_INCIDENTS);
    }

    private static PagerEvent event(String id, PagerEvent.Kind kind, String pagerId, Instant at) {
        return new PagerEvent(id, kind, pagerId, at, "Checkout 5xx " + pagerId, "https://pd.example/" + pagerId,
                Optional.empty(), "Sam", kind == PagerEvent.Kind.ANNOTATED ? "checked the dashboards" : null,
                kind == PagerEvent.Kind.ANNOTATED ? "note-" + id : null, null, null);
    }

    private static List<Throwable> atOnce(List<java.util.concurrent.Callable<Object>> work) throws Exception {
        // fewer threads than the store's pool (10): what is shown is the store giving up, not a wait for a connection
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Throwable> failures = new ArrayList<>();
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Object>> running = new ArrayList<>();
            for (java.util.concurrent.Callable<Object> each : work) {
                running.add(pool.submit(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return each.call();
                }));
            }
            gate.countDown();
            for (Future<Object> each : running) {
                try {
                    each.get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }
}
