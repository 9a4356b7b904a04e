package dev.mayday.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandMixTest {

    private final SlackRequests slack = new SlackRequests(URI.create("http://127.0.0.1:9/slack/events"), "secret",
            id -> "http://127.0.0.1:9/respond/" + id);
    private final CommandMix mix = new CommandMix(List.of("C1", "C2", "C3"));

    @Test
    void eachConnection_movesOnlyItsOwnChannelsStatus_alwaysToAnotherStatus() {
        List<byte[]> requests = mix.requests(slack, 3, 30, Map.of("C1", "INVESTIGATING", "C2", "MONITORING"), "t", null);

        for (int connection = 0; connection < 3; connection++) {
            List<String> statuses = new ArrayList<>();
            for (int i = connection; i < requests.size(); i += 3) {
                Map<String, String> form = form(requests.get(i));
                if (form.get("text").startsWith("status ")) {
                    assertThat(form.get("channel_id")).isEqualTo("C" + (connection + 1));
                    statuses.add(form.get("text").substring("status ".length()));
                }
            }
            assertThat(statuses).hasSizeGreaterThan(2);
            for (int k = 1; k < statuses.size(); k++) {
                assertThat(statuses.get(k)).isNotEqualTo(statuses.get(k - 1));
            }
            if (connection == 0) {
                assertThat(statuses).startsWith("identified", "monitoring", "investigating");
            }
            if (connection == 1) {
                assertThat(statuses.get(0)).isEqualTo("investigating");
            }
        }
    }

    @Test
    void theMix_isNotesUpdatesAndStatuses_withADeclareInTenWhenAsked() {
        List<String> texts = mix.requests(slack, 2, 40, Map.of(), "t", "CGENERAL").stream()
                .map(r -> form(r).get("text")).toList();

        assertThat(texts).filteredOn(t -> t.startsWith("note ")).isNotEmpty();
        assertThat(texts).filteredOn(t -> t.startsWith("update ")).isNotEmpty();
        assertThat(texts).filteredOn(t -> t.startsWith("status ")).isNotEmpty();
        assertThat(texts).filteredOn(t -> t.startsWith("declare ")).hasSize(4);
    }

    @Test
    void moreConnectionsThanChannels_isRefused() {
        assertThatThrownBy(() -> mix.requests(slack, 4, 40, Map.of(), "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAck_failsOnAnErrorTextOrANon200() {
        Plan.Verdict acked = CommandMix.acked();

        assertThat(acked.ok(200, bytes("{\"text\":\"Noted.\"}"))).isTrue();
        assertThat(acked.ok(200, bytes("{\"text\":\":x: The incident is already identified.\"}"))).isFalse();
        assertThat(acked.ok(500, bytes("oops"))).isFalse();
    }

    @Test
    void aRequest_isSignedAndCarriesItsLength() {
        String request = new String(mix.requests(slack, 1, 1, Map.of(), "t", null).get(0), StandardCharsets.UTF_8);
        String body = request.substring(request.indexOf("\r\n\r\n") + 4);

        assertThat(request).startsWith("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:9\r\n")
                .contains("X-Slack-Signature: v0=", "X-Slack-Request-Timestamp: ",
                        "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
    }

    private static Map<String, String> form(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : text.substring(text.indexOf("\r\n\r\n") + 4).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
