package dev.mayday.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsCreateRequest;
import com.slack.api.methods.request.conversations.ConversationsInviteRequest;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot methods read what Mayday uses of Slack's replies and step over the echoes it never reads (a reply's echoed
 * message holds every block of it), against a loopback server answering as Slack does.
 */
class HotMethodsTest {

    private static final String TOKEN = "xoxb-hot-methods-test";
    private static final String ECHOED_BLOCKS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*SEV2*\"}}]";

    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Map<String, String> forms = new ConcurrentHashMap<>();
    private HttpServer server;
    private Slack client;
    private HotMethods hot;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", exchange -> {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            forms.put(method, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = replies.getOrDefault(method, "{\"ok\":false,\"error\":\"unknown_method\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
        config.setStatsEnabled(false);
        client = Slack.getInstance(config);
        hot = new HotMethods(client, TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop(0);
    }

    @Test
    void anUpdate_readsOkAndTs_andSkipsTheEchoedMessage() throws Exception {
        replies.put("chat.update", "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\",\"text\":\"x\","
                + "\"message\":{\"type\":\"message\",\"text\":\"x\",\"blocks\":" + ECHOED_BLOCKS + "}}");

        ChatUpdateResponse response = hot.chatUpdate(ChatUpdateRequest.builder().channel("C1")
                .ts("1700000000.000100").text("x").build());

        assertThat(response.isOk()).isTrue();
        assertThat(response.getTs()).isEqualTo("1700000000.000100");
        assertThat(response.getChannel()).isEqualTo("C1");
        assertThat(response.getMessage()).as("the echo, never read").isNull();
        assertThat(forms.get("chat.update")).contains("channel=C1").contains("ts=1700000000.000100");
    }

    @Test
    void aRefusal_readsTheError() throws Exception {
        replies.put("chat.update", "{\"ok\":false,\"error\":\"message_not_found\"}");

        ChatUpdateResponse response = hot.chatUpdate(ChatUpdateRequest.builder().channel("C1").ts("1.2").text("x")
                .build());

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("message_not_found");
    }

    @Test
    void aCreatedChannel_isRead_andAnInvite_isSentAsTheSdkSendsIt() throws Exception {
        replies.put("conversations.create", "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\",\"name\":\"inc-1-db\","
                + "\"is_private\":false,\"created\":1700000000}}");
        replies.put("conversations.invite", "{\"ok\":true,\"channel\":{\"id\":\"C0NEW\",\"name\":\"inc-1-db\"}}");

        ConversationsCreateResponse created = hot.conversationsCreate(ConversationsCreateRequest.builder()
                .name("inc-1-db").isPrivate(false).build());
        ConversationsInviteResponse invited = hot.conversationsInvite(ConversationsInviteRequest.builder()
                .channel("C0NEW").users(List.of("U1", "U2")).build());

        assertThat(created.getChannel().getId()).isEqualTo("C0NEW");
        assertThat(created.getChannel().getName()).isEqualTo("inc-1-db");
        assertThat(forms.get("conversations.create")).contains("name=inc-1-db").contains("is_private=0");
        assertThat(invited.isOk()).isTrue();
        assertThat(forms.get("conversations.invite")).contains("channel=C0NEW").contains("users=U1%2CU2");
    }
}
