package dev.mayday.store;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Declared;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.LeadPages;
import dev.mayday.incident.Severity;
import dev.mayday.rotation.RotationPicker;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
}
