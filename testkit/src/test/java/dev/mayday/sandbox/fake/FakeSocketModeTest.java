package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fake's Socket Mode side, driven by the JDK's own WebSocket client: what Slack does, so the bot's tests can trust it. */
class FakeSocketModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeSlack slack = FakeSlack.start();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void connectionsOpen_refusesABotToken_andGivesAnAppTokenALoopbackAddress() throws Exception {
        assertThat(open("xoxb-not-an-app-token").path("error").asText()).isEqualTo("not_allowed_token_type");

        JsonNode opened = open("xapp-test");

        assertThat(opened.path("ok").asBoolean()).isTrue();
        assertThat(opened.path("url").asText()).matches("ws://127\\.0\\.0\\.1:\\d+/link/\\?ticket=.+");
    }

    @Test
    void aConnection_getsHello_thenEnvelopes_andOneNotAcknowledgedInTime_comesAgainAsARetry() throws Exception {
        FakeSocketMode socket = slack.socketMode();
        socket.ackTimeout(Duration.ofMillis(100));
        WebSocket ws = connect(open("xapp-test").path("url").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received.get(0).path("type").asText()).isEqualTo("hello");

        String id = socket.command(Map.of("command", "/incident", "text", "help"));

        await().atMost(Duration.ofSeconds(10)).until(() -> socket.deliveries(id).size() >= 2);
        JsonNode retry = received.stream().filter(m -> m.path("retry_attempt").asInt() == 1).findFirst().orElseThrow();
        assertThat(retry.path("envelope_id").asText()).isEqualTo(id);
        assertThat(retry.path("retry_reason").asText()).isEqualTo("timeout");
        assertThat(retry.path("payload").path("text").asText()).isEqualTo("help");
        ws.sendText("{\"envelope_id\":\"" + id + "\",\"payload\":{\"text\":\"ok\"}}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.acks(id).size() == 1);
        assertThat(socket.acks(id).get(0).text()).isEqualTo("ok");
    }

    @Test
    void refresh_sendsDisconnect_andATicketWorksOnce() throws Exception {
        FakeSocketMode socket = slack.socketMode();
        String url = open("xapp-test").path("url").asText();
        connect(url);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.readyConnections() == 1);

        socket.refresh();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .anyMatch(m -> "refresh_requested".equals(m.path("reason").asText())));
        assertThat(socket.readyConnections()).isZero();
        connect(url);
        await("a used ticket opens nothing").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> socket.connectionsOpened() == 1);
    }

    private JsonNode open(String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "apps.connections.open"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private WebSocket connect(String url) {
        try {
            return http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    try {
                        received.add(JSON.readTree(data.toString()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).join();
        } catch (RuntimeException refused) {
            return null;
        }
    }
}
