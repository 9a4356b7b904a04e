package dev.mayday.faults;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "A strict command line": SIGTERM stops taking requests, finishes those in flight, leaves pending outbox
 * rows for the next start and exits 0 within 10 s, even while every Slack call hangs; no stack trace, no uncaught
 * exception. The server is a child JVM, stopped as an operator (or systemd, or Kubernetes) stops it.
 */
class StopOnSigtermTest {

    private static final String SECRET = "stop-signing-secret-not-real";
    private static final String TOKEN = "xoxb-stop-token-not-real";
    /** What the issue allows between SIGTERM and the process's end. */
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** The product's logging (INFO and up), not the tests' (WARN and up), which the child's class path also holds. */
    private static final List<String> PRODUCT_LOGGING = List.of("-Dlogback.configurationFile=logback.xml");

    @TempDir
    Path dir;

    private FakeSlack slack;
    private ChildServer server;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void sigterm_whileSlackHangs_exits0InTime_andTheNextStartDeliversWhatWasPending() throws Exception {
        slack = FakeSlack.start();
        slack.outage(FakeAnswer.delayed(Duration.ofMinutes(2)));
        Path store = dir.resolve("mayday.db");
        server = new ChildServer(dir, Map.of(
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "DATABASE_URL", "jdbc:sqlite:" + store), PRODUCT_LOGGING);
        server.start();
        SlackSimulator simulator = new SlackSimulator(server.baseUri().resolve("/slack/events"), SECRET,
                slack::responseUrl);

        assertThat(simulator.command("U0DECLARER", "C0GENERAL", "declare sev2 Database down").status())
                .isEqualTo(200);
        try (StoreReader reader = new StoreReader(store)) {
            // the channel's set-up has started: its outbox worker is inside a Slack call that does not answer
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.count(
                    "SELECT count(*) FROM outbox WHERE type = 'ChannelSetUp' AND attempts > 0") == 1);
        }

        OptionalInt exit = server.terminate(STOP_DEADLINE);

        assertThat(exit).as("exit status within %s of SIGTERM%s", STOP_DEADLINE, server.logTail()).hasValue(0);
        assertThat(server.output()).as("the server's output")
                .contains("Mayday stopped (SIGTERM)")
                .doesNotContain("\tat ", "Exception in thread", "ERROR");
        assertThat(server.output().lines().filter(line -> line.contains("Mayday stopped")))
                .as("dated lines").singleElement().asString().matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:.*");
        try (StoreReader reader = new StoreReader(store)) {
            assertThat(reader.count("SELECT count(*) FROM outbox WHERE type = 'ChannelSetUp' AND state = 'PENDING'"))
                    .as("the set-up left for the next start").isEqualTo(1);
        }

        slack.endOutage();
        server.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> slack.channels().stream()
                .anyMatch(channel -> channel.name().endsWith("database-down")));
        try (StoreReader reader = new StoreReader(store)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.count(
                    "SELECT count(*) FROM outbox WHERE type = 'ChannelSetUp' AND state = 'DONE'") == 1);
        }
        assertThat(slack.channels()).filteredOn(channel -> channel.name().endsWith("database-down")).hasSize(1);
    }
}
