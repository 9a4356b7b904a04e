package dev.mayday.slack;

import dev.mayday.Config;
import dev.mayday.MaydayApp;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSocketMode;
import dev.mayday.sandbox.fake.SocketAck;
import dev.mayday.slack.requests.ReplayGuard;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Socket Mode against the fake Slack's socket: the same handlers as over HTTP, stored before acknowledged, each
 * envelope acted on once however often Slack delivers it, and a connection refreshed or dropped losing nothing.
 */
class SocketModeTest {

    private static final String ALEX = "U0ALEX";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    private final AtomicInteger triggers = new AtomicInteger();

    private Sandbox sandbox;
    private FakeSocketMode socket;

    private void startInSocketMode() {
        sandbox = sandboxes.start(Sandbox::startInSocketMode);
        socket = sandbox.slack.socketMode();
        awaitHealth(200, "\"socket\":\"connected\"");
    }

    @Test
    void command_overTheSocket_isStoredBeforeItIsAcknowledged_withTheAnswerInTheAck() {
        startInSocketMode();
        List<Integer> incidentsWhenAcked = new CopyOnWriteArrayList<>();
        socket.onAcknowledgement(ack -> incidentsWhenAcked.add(sandbox.incidents().size()));

        String envelope = command(sandbox.generalChannel, "declare sev2 Checkout is down");

        SocketAck ack = awaitAck(envelope);
        assertThat(incidentsWhenAcked).containsExactly(1);
        assertThat(ack.text()).isNotBlank().doesNotContain(ReplayGuard.ALREADY_HANDLED);
        sandbox.settle();
        assertThat(sandbox.slack.channelByName(sandbox.incidents().get(0).place().channelName()))
                .as("the outbox set the channel up, as over HTTP").isPresent();
        assertThat(sandbox.simulator.command(ALEX, sandbox.generalChannel, "help").status())
                .as("no Slack route over HTTP").isEqualTo(404);
    }

    @Test
    void redeliveredEnvelope_actsOnce_andIsAcknowledgedAgain() {
        startInSocketMode();
        String channel = declare("sev3 Queue is backing up");

        String note = command(channel, "note the consumer is stuck");
        awaitAck(note);
        socket.redeliver(note);

        await().atMost(PATIENCE).until(() -> socket.acks(note).size() == 2);
        assertThat(socket.acks(note).get(1).text()).isEqualTo(ReplayGuard.ALREADY_HANDLED);
        assertThat(sandbox.timeline(channel)).filteredOn(e -> "the consumer is stuck".equals(e.text())).hasSize(1);
    }

    @Test
    void envelopeRedeliveredWhileItIsStillBeingHandled_isLeftUnacknowledged_andActsOnce() throws Exception {
        startInSocketMode();
        String channel = declare("sev3 Disk is slow");
        socket.ackTimeout(Duration.ofMillis(200));
        String note;
        try (Connection locker = DriverManager.getConnection(sandbox.app.database().url());
             Statement statement = locker.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            note = command(channel, "note written while another process held the store");
            // Slack gives up waiting and delivers again while the first delivery still waits for its turn to write
            await().atMost(PATIENCE).until(() -> socket.deliveries(note).size() >= 3);
            assertThat(socket.acks(note)).as("nothing acknowledged before it is stored").isEmpty();
            statement.execute("ROLLBACK");
        }
        SocketAck late = awaitAck(note);
        socket.redeliver(note);

        await().atMost(PATIENCE).until(() -> socket.acks(note).size() == 2);
        assertThat(late.text()).doesNotContain(ReplayGuard.ALREADY_HANDLED);
        assertThat(sandbox.timeline(channel))
                .filteredOn(e -> "written while another process held the store".equals(e.text())).hasSize(1);
    }

    @Test
    void refreshRequested_opensANewConnection_andLosesNothing() {
        startInSocketMode();
        String channel = declare("sev3 Search is stale");

        String before = command(channel, "note sent just before the refresh");
        socket.refresh();
        String after = command(channel, "note sent during the refresh");

        awaitAck(before);
        awaitAck(after);
        assertThat(socket.connectionsOpened()).isEqualTo(2);
        assertThat(sandbox.calls("apps.connections.open")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sandbox.timeline(channel)).filteredOn(e -> e.text() != null && e.text().startsWith("sent "))
                .extracting(e -> e.text())
                .containsExactlyInAnyOrder("sent just before the refresh", "sent during the refresh");
        awaitHealth(200, "\"socket\":\"connected\"");
    }

    @Test
    void droppedConnection_healthSaysDisconnected_thenItReconnects_andWhatCameMeanwhileActsOnce() {
        startInSocketMode();
        String channel = declare("sev3 Cache is cold");

        socket.drop();
        awaitHealth(503, "\"socket\":\"disconnected\"");
        String resolve = socket.interaction(sandbox.simulator.buttonPayload(ALEX, channel, IncidentCard.RESOLVE_ACTION,
                String.valueOf(sandbox.incidentIn(channel).id())));

        awaitAck(resolve);
        awaitHealth(200, "\"socket\":\"connected\"");
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.RESOLVED);
        socket.redeliver(resolve);
        await().atMost(PATIENCE).until(() -> socket.acks(resolve).size() == 2);
        sandbox.settle();
        assertThat(sandbox.timeline(channel)).filteredOn(e -> e.kind() == TimelineKind.RESOLVED).hasSize(1);
    }

    @Test
    void eventOverTheSocket_redelivered_isStoredOnce() {
        startInSocketMode();
        String channel = declare("sev3 Logs are missing");
        var message = sandbox.simulator.message(ALEX, channel, "1773480000.000100", "restarted the shipper");
        String eventId = sandbox.simulator.newEventId();

        String envelope = socket.event(json(sandbox.simulator.eventCallback(message, eventId)));
        awaitAck(envelope);
        socket.redeliver(envelope);

        await().atMost(PATIENCE).until(() -> socket.acks(envelope).size() == 2);
        assertThat(sandbox.timeline(channel)).filteredOn(e -> "restarted the shipper".equals(e.text())).hasSize(1);
    }

    @Test
    void health_whileSlackRefusesTheAppToken_is503NamingTheSetting_andConnectedOnceItAccepts() {
        startInSocketMode();
        sandbox.slack.enqueue("apps.connections.open", FakeAnswer.slackError("invalid_auth"));
        sandbox.slack.enqueue("apps.connections.open", FakeAnswer.slackError("invalid_auth"));

        socket.drop();

        awaitHealth(503, "Slack refused SLACK_APP_TOKEN (invalid_auth)");
        awaitHealth(200, "\"socket\":\"connected\"");
    }

    @Test
    void fromTheEnvironment_anAppTokenWithoutASigningSecret_startsInSocketMode() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Config config = Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", Sandbox.TOKEN,
                    "SLACK_APP_TOKEN", Sandbox.APP_TOKEN, "SLACK_API_URL", slack.apiUrl(), "PORT", "0",
                    "DATABASE_URL", "jdbc:sqlite:" + sandboxes.dir().resolve("env.db")));
            try (MaydayApp app = MaydayApp.start(config, Clock.systemUTC(), "127.0.0.1")) {
                HttpClient http = HttpClient.newHttpClient();
                URI health = URI.create("http://127.0.0.1:" + app.port() + "/health");
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).contains("\"socket\":\"connected\""));
                assertThat(slack.calls("apps.connections.open")).allSatisfy(call ->
                        assertThat(call.authorization()).isEqualTo("Bearer " + Sandbox.APP_TOKEN));
            }
        }
    }

    @Test
    void health_overHttp_saysNothingAboutASocket() throws Exception {
        sandbox = sandboxes.start(Sandbox::start);

        HttpResponse<String> health = sandbox.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("socket");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private String declare(String text) {
        String envelope = command(sandbox.generalChannel, "declare " + text);
        awaitAck(envelope);
        sandbox.settle();
        var all = sandbox.incidents();
        return all.get(all.size() - 1).place().channelId();
    }

    private String command(String channel, String text) {
        return socket.command(sandbox.simulator.commandForm(ALEX, channel, text,
                "socket-trigger-" + triggers.incrementAndGet()));
    }

    private SocketAck awaitAck(String envelope) {
        await().atMost(PATIENCE).until(() -> !socket.acks(envelope).isEmpty());
        return socket.acks(envelope).get(0);
    }

    private void awaitHealth(int status, String bodyPart) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> health = sandbox.get("/health");
            assertThat(health.statusCode()).isEqualTo(status);
            assertThat(health.body()).contains(bodyPart);
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
