package dev.mayday.faults;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.sandbox.pagerduty.WebhookDeliveries;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 14, "the test that shows it": three {@code serve} processes (child JVMs) on one PostgreSQL database of their
 * own, behind a {@link RoundRobinProxy} that spreads Slack's commands and events and PagerDuty's webhooks across them
 * and sends a failed request to another process. Mid-stream one process is killed with SIGKILL, and started again
 * later. At the end: every request answered 2xx is stored, one channel per incident, every tagged post, card,
 * PagerDuty note and status change once ({@link CrashChecks}), the outbox drained, one weekly digest and one hand-off
 * offer per stint that was due one ({@link ReplicaChecks}).
 * <p>
 * No server has a test clock: the store is made older instead. Once the first process has migrated the database, its
 * origin is moved 30 days back, so a digest week is due to every process started after that; once the first incidents
 * are declared, their leads' stints are moved two hours back (past {@code LEAD_HANDOFF_HOURS=1}) before the third
 * process starts, whose first hand-off check (made at start) finds them due. Skipped without a PostgreSQL server
 * ({@code MAYDAY_TEST_POSTGRES_URL}) unless {@code MAYDAY_REQUIRE_POSTGRES=1}. {@code -Dmayday.replica.seed=N} replays
 * the kill's victim and timing and the traffic mix. The servers' logs are kept in the test's temp dir.
 */
class ReplicaTest {

    private static final String SECRET = "replica-signing-secret-not-real";
    private static final String TOKEN = "xoxb-replica-token-not-real";
    private static final String PAGERDUTY_TOKEN = "pd-replica-token-not-real";
    private static final String PAGERDUTY_SECRET = "pd-replica-webhook-secret-not-real";
    private static final String ON_CALL_SLACK_USER = "U0ROBIN";
    private static final int PROCESSES = 3;
    private static final int CLIENTS = 2;
    private static final int ROSTER = 8;
    private static final Duration TRAFFIC = Duration.ofSeconds(24);
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(90);
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;

    private TestPostgres.Scratch database;
    private FakeSlack slack;
    private FakePagerDuty pagerDuty;
    private RoundRobinProxy proxy;
    private final List<ChildServer> servers = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ChildServer server : servers) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (pagerDuty != null) {
            pagerDuty.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void threeProcessesOnOneDatabase_oneKilled_loseNothingAcknowledged_andRepeatNoSideEffect() throws Exception {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to run on (see TestPostgres)").isPresent();
        long seed = Long.getLong("mayday.replica.seed", new Random().nextLong());
        String replay = "seed " + seed + " (replay with -Dmayday.replica.seed=" + seed + ")";
        System.out.println("ReplicaTest " + replay);
        Random rng = new Random(seed);
        long started = System.nanoTime();

        database = TestPostgres.server().orElseThrow().createDatabase();
        slack = FakeSlack.start();
        pagerDuty = FakePagerDuty.start(PAGERDUTY_TOKEN);
        String general = slack.createChannelDirectly("general", false, "U0ADMIN").id();
        String announce = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
        String learnings = slack.createChannelDirectly("learnings", false, "U0ADMIN").id();
        slack.addUser(ON_CALL_SLACK_USER, "robin@example.com", "Robin Ops");
        pagerDuty.addUser("PUSER1", "Robin Ops", "robin@example.com");
        pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PUSER1", 1)));
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "DATABASE_URL", database.url(),
                "INCIDENTS_CHANNEL", announce,
                "PAGERDUTY_API_TOKEN", PAGERDUTY_TOKEN,
                "PAGERDUTY_API_URL", pagerDuty.baseUrl(),
                "PAGERDUTY_WEBHOOK_SECRET", PAGERDUTY_SECRET,
                "PAGERDUTY_FROM_EMAIL", "mayday@example.com",
                "DIGEST_CHANNEL", learnings));
        env.put("LEAD_HANDOFF_HOURS", "1");
        for (int i = 0; i < PROCESSES; i++) {
            Path own = Files.createDirectories(dir.resolve("process-" + (char) ('a' + i)));
            servers.add(new ChildServer(own, env, List.of("-Xmx192m")));
        }
        proxy = RoundRobinProxy.start(PROCESSES);
        Ledger ledger = new Ledger();
        CrashTraffic traffic = new CrashTraffic(slack, pagerDuty,
                new WebhookDeliveries(PAGERDUTY_SECRET, Clock.systemUTC()), general, ledger);

        List<String> story = new ArrayList<>();
        story.add("a (migrates the database) healthy after " + start(0, replay) + " ms");
        execute("UPDATE store_origin SET created_at = created_at - ?", 30 * 24 * HOUR_MILLIS);
        story.add("b healthy after " + start(1, replay) + " ms");
        joinRoster(slack, general);
        traffic.seed(proxy.baseUri(), SECRET);
        List<Long> dueStints = olderStints();
        story.add("seeded through a and b; lead stints made due a hand-off: " + dueStints);
        story.add("c healthy after " + start(2, replay) + " ms");

        ClientThreads clients = traffic.start(proxy.baseUri(), SECRET, 1, rng.nextLong(), CLIENTS);
        long trafficEnds = System.nanoTime() + TRAFFIC.toNanos();
        int victim = rng.nextInt(PROCESSES);
        Thread.sleep(2_000 + rng.nextInt(4_000));
        String killedWhen = KillPoint.random(rng).await(slack, pagerDuty);
        int exit = servers.get(victim).killHard();
        story.add((char) ('a' + victim) + " killed " + killedWhen + " (exit " + exit + ")");
        Thread.sleep(3_000 + rng.nextInt(5_000));
        story.add((char) ('a' + victim) + " started again, healthy after " + start(victim, replay) + " ms");
        Thread.sleep(Math.max(0, (trafficEnds - System.nanoTime()) / 1_000_000));
        clients.stop();
        story.add("traffic stopped after " + clients.sent());
        assertThat(exit).as(replay + ": the process was killed with SIGKILL (exit 137)")
                .isEqualTo(ChildServer.SIGKILL_EXIT);

        List<String> failures = new ArrayList<>();
        List<Map<String, Object>> retried;
        try (StoreReader store = new StoreReader(database.url())) {
            awaitOutboxSettled(store, replay);
            failures.addAll(new CrashChecks(store, slack, pagerDuty, ledger, announce, ON_CALL_SLACK_USER).run());
            failures.addAll(new ReplicaChecks(store, slack).run(learnings, dueStints));
            retried = store.rows("SELECT type, count(*) AS rows FROM outbox WHERE attempts > 1 GROUP BY type");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("ReplicaTest " + replay + ": " + seconds + " s; " + ledger.summary() + "; proxy "
                + proxy.summary() + "; outbox rows delivered again: " + retried + "\n  " + String.join("\n  ", story));
        failures.forEach(f -> System.out.println("  FAILURE " + f));

        assertThat(ledger.declares).as(replay + ": declarations acknowledged").isNotEmpty();
        assertThat(ledger.pages).as(replay + ": pages accepted").isNotEmpty();
        assertThat(ledger.messages).as(replay + ": channel messages acknowledged").isNotEmpty();
        assertThat(ledger.notes).as(replay + ": notes acknowledged").isNotEmpty();
        assertThat(failures).as(replay + ": three processes, one killed (printed above): the store and the fakes"
                + logTails()).isEmpty();
    }

    /** Starts process {@code slot} and routes the proxy's slot to it; returns how long it took to be healthy. */
    private long start(int slot, String replay) throws InterruptedException {
        ChildServer server = servers.get(slot);
        try {
            long millis = server.start().toMillis();
            proxy.route(slot, server.baseUri());
            return millis;
        } catch (AssertionError e) {
            throw new AssertionError(replay + ", starting process " + (char) ('a' + slot) + ": " + e.getMessage(), e);
        }
    }

    /** People on the duty roster, so that leads are picked from it and a lead due a hand-off has someone to offer. */
    private void joinRoster(FakeSlack slack, String channel) {
        SlackSimulator simulator = new SlackSimulator(proxy.baseUri().resolve("/slack/events"), SECRET,
                slack::responseUrl);
        for (int i = 1; i <= ROSTER; i++) {
            String user = "U0DUTY" + i;
            slack.addUser(user, "duty" + i + "@example.com", "Duty Person " + i);
            String kind = i % 4 == 0 ? "manager" : "engineer";
            SlackSimulator.SlackReply reply = simulator.command(user, channel, "duty join " + kind);
            assertThat(reply.status()).as("duty join of " + user).isEqualTo(200);
        }
    }

    /** Moves the current lead stints two hours back, past LEAD_HANDOFF_HOURS=1; returns their ids. */
    private List<Long> olderStints() throws SQLException {
        execute("UPDATE duty_assignments SET assigned_at = assigned_at - ? WHERE role = 'LEAD' AND ended_at IS NULL",
                2 * HOUR_MILLIS);
        try (StoreReader store = new StoreReader(database.url())) {
            return store.rows("SELECT id FROM duty_assignments WHERE role = 'LEAD' AND ended_at IS NULL ORDER BY id")
                    .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        }
    }

    private void execute(String sql, long argument) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, argument);
            statement.executeUpdate();
        }
    }

    /** Waits until no outbox row is left to deliver (a row given up on is FAILED, which the checks report). */
    private void awaitOutboxSettled(StoreReader store, String replay) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        String open = "FROM outbox WHERE state NOT IN ('DONE', 'FAILED')";
        while (store.count("SELECT count(*) " + open) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(replay + ": the outbox still has rows to deliver after "
                        + DRAIN_PATIENCE.toSeconds() + " s: "
                        + store.rows("SELECT id, incident_id, type, state, attempts, last_error " + open) + logTails());
            }
            Thread.sleep(100);
        }
    }

    private String logTails() {
        StringBuilder tails = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            tails.append("\nprocess ").append((char) ('a' + i)).append(':').append(servers.get(i).logTail());
        }
        return tails.toString();
    }
}
