package dev.mayday.faults;

import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault suite, "Crash": the real server runs as a child process while two clients stream slash commands,
 * channel messages (and Slack's retries), PagerDuty pages and events at it; at a random point it is killed with
 * SIGKILL and started again on the same store, round after round. At the end: every request that got a 2xx is stored,
 * no channel, card, post, PagerDuty note or status change happened twice, and the outbox delivered everything pending.
 * <p>
 * {@code -Dmayday.crash.runs=50} runs 50 kill rounds instead of 5; {@code -Dmayday.crash.seed=N} replays the kill
 * points and the traffic mix of a run (timing still varies). The server's logs are kept in the test's temp dir.
 */
class CrashRecoveryTest {

    private static final String SECRET = "crash-signing-secret-not-real";
    private static final String TOKEN = "xoxb-crash-token-not-real";
    private static final String PAGERDUTY_TOKEN = "pd-crash-token-not-real";
    private static final String PAGERDUTY_SECRET = "pd-crash-webhook-secret-not-real";
    private static final String ON_CALL_SLACK_USER = "U0ROBIN";
    private static final int DEFAULT_RUNS = 5;
    private static final int CLIENTS = 2;
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private FakeSlack slack;
    private FakePagerDuty pagerDuty;
    private ChildServer server;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (pagerDuty != null) {
            pagerDuty.close();
        }
    }

    @Test
    void killedAtRandomPoints_losesNothingAcknowledged_andRepeatsNoSideEffect() throws Exception {
        int runs = Integer.getInteger("mayday.crash.runs", DEFAULT_RUNS);
        long seed = Long.getLong("mayday.crash.seed", new Random().nextLong());
        String replay = "seed " + seed + " (replay with -Dmayday.crash.seed=" + seed + ")";
        System.out.println("CrashRecoveryTest " + replay + ", " + runs + " kill rounds");
        Random rng = new Random(seed);
        long started = System.nanoTime();

        slack = FakeSlack.start();
        pagerDuty = FakePagerDuty.start(PAGERDUTY_TOKEN);
        String general = slack.createChannelDirectly("general", false, "U0ADMIN").id();
        String announce = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
        slack.addUser(ON_CALL_SLACK_USER, "robin@example.com", "Robin Ops");
        pagerDuty.addUser("PUSER1", "Robin Ops", "robin@example.com");
        pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PUSER1", 1)));
        Path database = dir.resolve("mayday.db");
        server = new ChildServer(dir, Map.of(
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "DATABASE_URL", "jdbc:sqlite:" + database,
                "INCIDENTS_CHANNEL", announce,
                "PAGERDUTY_API_TOKEN", PAGERDUTY_TOKEN,
                "PAGERDUTY_API_URL", pagerDuty.baseUrl(),
                "PAGERDUTY_WEBHOOK_SECRET", PAGERDUTY_SECRET,
                "PAGERDUTY_FROM_EMAIL", "mayday@example.com"));
        Ledger ledger = new Ledger();
        CrashTraffic traffic = new CrashTraffic(slack, pagerDuty,
                new WebhookDeliveries(PAGERDUTY_SECRET, Clock.systemUTC()), general, ledger);

        List<String> kills = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            Duration startup = start(replay, "round " + round);
            if (round == 1) {
                traffic.seed(server.baseUri(), SECRET);
            }
            ClientThreads clients = traffic.start(server.baseUri(), SECRET, round, rng.nextLong(), CLIENTS);
            String killedWhen = KillPoint.random(rng).await(slack, pagerDuty);
            int exit = server.killHard();
            clients.stop();
            kills.add("round " + round + ": healthy after " + startup.toMillis() + " ms, killed " + killedWhen
                    + " (exit " + exit + ") after " + clients.sent());
            assertThat(exit).as(replay + ", round " + round + ": the server was killed with SIGKILL (exit 137)")
                    .isEqualTo(ChildServer.SIGKILL_EXIT);
        }

        start(replay, "the restart after the last kill");
        List<String> failures;
        List<Map<String, Object>> retried;
        try (StoreReader store = new StoreReader(database)) {
            awaitOutboxDrained(store, replay);
            failures = new CrashChecks(store, slack, pagerDuty, ledger, announce, ON_CALL_SLACK_USER).run();
            // a row claimed more than once had a delivery cut short (by a kill, or a failure retried)
            retried = store.rows("SELECT type, count(*) AS rows FROM outbox WHERE attempts > 1 GROUP BY type");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("CrashRecoveryTest " + replay + ": " + runs + " kills in " + seconds + " s; "
                + ledger.summary() + "; outbox rows delivered again: " + retried + "\n  " + String.join("\n  ", kills));
        failures.forEach(f -> System.out.println("  FAILURE " + f));

        assertThat(ledger.declares).as(replay + ": declarations acknowledged").isNotEmpty();
        assertThat(ledger.pages).as(replay + ": pages accepted").isNotEmpty();
        assertThat(ledger.messages).as(replay + ": channel messages acknowledged").isNotEmpty();
        assertThat(ledger.notes).as(replay + ": notes acknowledged").isNotEmpty();
        assertThat(failures).as(replay + ": after " + runs + " kills (printed above), the store and the fakes"
                + server.logTail()).isEmpty();
    }

    private Duration start(String replay, String when) throws InterruptedException {
        try {
            return server.start();
        } catch (AssertionError e) {
            throw new AssertionError(replay + ", " + when + ": " + e.getMessage(), e);
        }
    }

    private void awaitOutboxDrained(StoreReader store, String replay) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        while (store.count("SELECT count(*) FROM outbox WHERE state = 'PENDING'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(replay + ": the outbox still has pending rows after "
                        + DRAIN_PATIENCE.toSeconds() + " s: " + store.rows(
                        "SELECT id, incident_id, type, attempts, last_error FROM outbox WHERE state = 'PENDING'")
                        + server.logTail());
            }
            Thread.sleep(100);
        }
    }
}
