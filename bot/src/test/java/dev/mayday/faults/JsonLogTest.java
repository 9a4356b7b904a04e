package dev.mayday.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "Metrics and logs": {@code LOG_FORMAT=json} makes every line of {@code serve}'s log one JSON object
 * (logback's JsonEncoder) with its time; a line logged while an incident's outbox row is delivered names the incident
 * in its MDC; one line says Mayday started (version, mode, store) and one that it stopped.
 */
class JsonLogTest {

    private static final String SECRET = "json-signing-secret-not-real";
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
    void logFormatJson_isOneObjectPerLine_withTheIncidentInTheMdc() throws Exception {
        slack = FakeSlack.start();
        // a refusal logged by the outbox worker setting up incident #1's channel
        slack.enqueue("conversations.create", FakeAnswer.slackError("restricted_action"));
        server = new ChildServer(dir, Map.of(
                "SLACK_BOT_TOKEN", "xoxb-json-token-not-real",
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(),
                "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("mayday.db"),
                "LOG_FORMAT", "json"), PRODUCT_LOGGING);
        server.start();
        SlackSimulator simulator = new SlackSimulator(server.baseUri().resolve("/slack/events"), SECRET,
                slack::responseUrl);
        assertThat(simulator.command("U0DECLARER", "C0GENERAL", "declare sev2 Database down").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> server.output().contains("restricted_action"));

        assertThat(server.terminate(Duration.ofSeconds(10))).hasValue(0);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : server.output().lines().toList()) {
            JsonNode parsed = json.readTree(line);
            assertThat(parsed.isObject()).as("one JSON object per line: %s", line).isTrue();
            assertThat(parsed.path("timestamp").asLong()).as("its time: %s", line).isPositive();
            assertThat(parsed.path("level").asText()).as(line).isNotEmpty();
            lines.add(parsed);
        }
        assertThat(lines).filteredOn(line -> line.path("formattedMessage").asText().startsWith("Mayday "))
                .extracting(line -> line.path("formattedMessage").asText())
                .satisfiesExactly(
                        started -> assertThat(started).contains("started: mode HTTP", "store sqlite"),
                        stopped -> assertThat(stopped).startsWith("Mayday stopped (SIGTERM)"));
        assertThat(lines).filteredOn(line -> line.path("formattedMessage").asText().contains("restricted_action"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("mdc").path("incident").asText()).isEqualTo("1"));
    }
}
