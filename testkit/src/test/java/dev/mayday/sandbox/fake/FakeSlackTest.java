package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FakeSlackTest {

    private FakeSlack slack;
    private FakeSlackClient client;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        client = new FakeSlackClient(slack);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void binds_loopback_and_answers_auth_test() throws Exception {
        assertThat(slack.apiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/");

        JsonNode auth = client.form("auth.test", Map.of()).json();

        assertThat(auth.path("ok").asBoolean()).isTrue();
        assertThat(auth.path("user_id").asText()).isEqualTo("UMAYDAYBOT");
        assertThat(auth.path("team_id").asText()).isEqualTo("T0MAYDAY");
        assertThat(slack.calls("auth.test")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer " + FakeSlackClient.TOKEN));
        assertThat(slack.transcript()).isEmpty();
    }

    @Test
    void creates_channels_and_rejects_taken_or_invalid_names() throws Exception {
        JsonNode created = client.form("conversations.create", Map.of("name", "inc-1-db-down", "is_private", "false")).json();
        JsonNode secret = client.form("conversations.create", Map.of("name", "inc-2-secret", "is_private", "true")).json();

        assertThat(created.path("ok").asBoolean()).isTrue();
        JsonNode channel = created.path("channel");
        assertThat(channel.path("id").asText()).isEqualTo("C0001");
        assertThat(channel.path("is_private").asBoolean()).isFalse();
        assertThat(channel.path("creator").asText()).isEqualTo("UMAYDAYBOT");
        assertThat(channel.path("created").asLong()).isPositive();
        assertThat(channel.path("topic").path("value").asText()).isEmpty();
        assertThat(secret.path("channel").path("id").asText()).startsWith("G");
        assertThat(slack.channelByName("inc-1-db-down")).get()
                .satisfies(c -> assertThat(c.members()).containsExactly("UMAYDAYBOT"));

        slack.createChannelDirectly("general", false, "U0HUMAN");
        assertThat(client.error("conversations.create", Map.of("name", "inc-1-db-down"))).isEqualTo("name_taken");
        assertThat(client.error("conversations.create", Map.of("name", "general"))).isEqualTo("name_taken");
        assertThat(client.error("conversations.create", Map.of("name", "Has Caps"))).isEqualTo("invalid_name_specials");
        assertThat(client.error("conversations.create", Map.of("name", "emoji-🔥"))).isEqualTo("invalid_name_specials");
        assertThat(client.error("conversations.create", Map.of("name", ""))).isEqualTo("invalid_name_specials");
        assertThat(client.error("conversations.create", Map.of("name", "a".repeat(81)))).isEqualTo("invalid_name_maxlength");
        assertThat(client.form("conversations.create", Map.of("name", "a".repeat(80))).json().path("ok").asBoolean()).isTrue();

        assertThat(slack.transcript()).startsWith(
                "+ #inc-1-db-down created (public)",
                "+ #inc-2-secret created (private)",
                "! conversations.create → name_taken");
    }

    @Test
    void topic_invite_info_and_list_paging() throws Exception {
        for (int i = 1; i <= 3; i++) {
            client.form("conversations.create", Map.of("name", "inc-" + i));
        }
        client.form("conversations.setTopic", Map.of("channel", "C0001", "topic", "SEV2 · investigating"));
        client.form("conversations.invite", Map.of("channel", "C0001", "users", "U1,U2"));

        assertThat(client.error("conversations.invite", Map.of("channel", "C0001", "users", "U1"))).isEqualTo("already_in_channel");
        assertThat(client.error("conversations.info", Map.of("channel", "C9999"))).isEqualTo("channel_not_found");
        JsonNode info = client.form("conversations.info", Map.of("channel", "C0001")).json().path("channel");
        assertThat(info.path("topic").path("value").asText()).isEqualTo("SEV2 · investigating");
        assertThat(slack.channel("C0001").orElseThrow().members()).contains("U1", "U2", "UMAYDAYBOT");

        JsonNode page1 = client.form("conversations.list", Map.of("limit", "2")).json();
        String cursor = page1.path("response_metadata").path("next_cursor").asText();
        JsonNode page2 = client.form("conversations.list", Map.of("limit", "2", "cursor", cursor)).json();
        assertThat(page1.path("channels")).hasSize(2);
        assertThat(cursor).isNotEmpty();
        assertThat(page2.path("channels")).hasSize(1);
        assertThat(page2.path("channels").get(0).path("name").asText()).isEqualTo("inc-3");
        assertThat(page2.path("response_metadata").path("next_cursor").asText()).isEmpty();

        assertThat(slack.transcript()).contains(
                "  topic #inc-1: \"SEV2 · investigating\"",
                "  invited <@U1>, <@U2> to #inc-1");
    }

    @Test
    void user_group_members_are_listed_and_an_unknown_group_is_no_such_subteam() throws Exception {
        slack.setUserGroup("S0LEADS", List.of("U0LEAD", "W0ROBIN"));

        JsonNode listed = client.form("usergroups.users.list", Map.of("usergroup", "S0LEADS")).json();

        assertThat(listed.path("ok").asBoolean()).isTrue();
        assertThat(listed.path("users").toString()).isEqualTo("[\"U0LEAD\",\"W0ROBIN\"]");
        assertThat(client.error("usergroups.users.list", Map.of("usergroup", "S0NOPE"))).isEqualTo("no_such_subteam");
    }

    @Test
    void post_message_ts_increases_and_update_replaces_in_place() throws Exception {
        client.form("conversations.create", Map.of("name", "inc-1"));
        String first = client.form("chat.postMessage", Map.of("channel", "C0001", "text", "first")).json().path("ts").asText();
        String second = client.form("chat.postMessage", Map.of("channel", "C0001", "text", "second")).json().path("ts").asText();
        JsonNode dm = client.form("chat.postMessage", Map.of("channel", "U7", "text", "psst")).json();

        assertThat(first).matches("\\d+\\.\\d{6}");
        assertThat(Double.parseDouble(second)).isGreaterThan(Double.parseDouble(first));
        assertThat(dm.path("channel").asText()).isEqualTo("U7");
        assertThat(slack.messages("U7")).extracting(FakeMessage::text).containsExactly("psst");

        String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Status:* Resolved\"}}]";
        JsonNode updated = client.form("chat.update", Map.of("channel", "C0001", "ts", first, "text", "edited", "blocks", blocks)).json();

        assertThat(updated.path("ts").asText()).isEqualTo(first);
        List<FakeMessage> messages = slack.messages("C0001");
        assertThat(messages).extracting(FakeMessage::ts).containsExactly(first, second);
        assertThat(messages.get(0).text()).isEqualTo("edited");
        assertThat(messages.get(0).blocksJson()).isEqualTo(blocks);
        assertThat(messages.get(0).user()).isEqualTo("UMAYDAYBOT");
        assertThat(client.error("chat.update", Map.of("channel", "C0001", "ts", "1.000001", "text", "x"))).isEqualTo("message_not_found");
        assertThat(slack.transcript()).contains("  #inc-1  [card updated] Status: Resolved");
    }

    @Test
    void concurrent_posts_get_unique_increasing_ts() {
        List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, 40)
                .mapToObj(i -> FakeSlackClient.HTTP.sendAsync(client.formRequest("chat.postMessage", Map.of("channel", "C0ANNOUNCE", "text", "m" + i)),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        futures.forEach(CompletableFuture::join);

        List<String> ts = slack.messages("C0ANNOUNCE").stream().map(FakeMessage::ts).toList();
        assertThat(ts).hasSize(40).doesNotHaveDuplicates();
        assertThat(ts).isSortedAccordingTo((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        assertThat(slack.calls("chat.postMessage")).hasSize(40);
    }

    @Test
    void json_bodies_are_accepted_with_nested_values_as_json_strings() throws Exception {
        String body = """
                {"channel":"U5","text":"fallback",
                 "blocks":[{"type":"header","text":{"type":"plain_text","text":"Hello"}}],
                 "metadata":{"event_type":"incident","event_payload":{"id":7}}}""";

        FakeSlackClient.Reply reply = client.post("/api/chat.postMessage", "application/json; charset=utf-8", body);

        assertThat(reply.json().path("ok").asBoolean()).isTrue();
        SlackCall call = slack.calls("chat.postMessage").get(0);
        assertThat(call.param("channel")).isEqualTo("U5");
        assertThat(FakeSlackClient.JSON.readTree(call.param("blocks")).get(0).path("type").asText()).isEqualTo("header");
        assertThat(slack.messages("U5").get(0).metadataJson()).contains("\"event_type\":\"incident\"");
        assertThat(reply.json().path("message").path("metadata").path("event_payload").path("id").asInt()).isEqualTo(7);
        assertThat(slack.transcript()).containsExactly("  DM <@U5>  [card] Hello");

        assertThat(client.post("/api/chat.postMessage", "application/json", "{not json").json().path("error").asText())
                .isEqualTo("invalid_form_data");
        assertThat(client.error("chat.postMessage", Map.of("channel", "C1", "blocks", "{}"))).isEqualTo("invalid_blocks");
        assertThat(client.error("chat.postMessage", Map.of("channel", "C1"))).isEqualTo("no_text");
        assertThat(client.error("no.such.method", Map.of())).isEqualTo("unknown_method");
    }

    @Test
    void response_url_posts_are_recorded() throws Exception {
        String url = slack.responseUrl("cmd-1", "/incident");
        assertThat(url).isEqualTo(slack.apiUrl().replace("/api/", "/respond/cmd-1"));

        HttpResponse<String> response = FakeSlackClient.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"text\":\"Declaring *checkout down*…\",\"response_type\":\"ephemeral\",\"replace_original\":false}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FakeSlackClient.JSON.readTree(response.body()).path("ok").asBoolean()).isTrue();
        SlackCall call = slack.calls("response_url").get(0);
        assertThat(call.param("id")).isEqualTo("cmd-1");
        assertThat(call.param("response_type")).isEqualTo("ephemeral");
        assertThat(call.param("replace_original")).isEqualTo("false");
        assertThat(slack.transcript()).containsExactly("  (reply to /incident) Declaring checkout down…");
    }

    @Test
    void file_upload_round_trip() throws Exception {
        client.form("conversations.create", Map.of("name", "inc-1"));
        byte[] content = "# Postmortem\n\nIt was DNS.\n".getBytes(StandardCharsets.UTF_8);

        JsonNode slot = client.form("files.getUploadURLExternal",
                Map.of("filename", "postmortem.md", "length", Integer.toString(content.length))).json();
        String fileId = slot.path("file_id").asText();
        HttpResponse<String> upload = FakeSlackClient.HTTP.send(HttpRequest.newBuilder(URI.create(slot.path("upload_url").asText()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode done = client.form("files.completeUploadExternal", Map.of(
                "files", "[{\"id\":\"" + fileId + "\",\"title\":\"Postmortem\"}]",
                "channel_id", "C0001",
                "initial_comment", "Draft postmortem")).json();

        assertThat(slot.path("upload_url").asText()).startsWith("http://127.0.0.1:").endsWith("/upload/" + fileId);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo("OK - " + content.length);
        assertThat(done.path("ok").asBoolean()).isTrue();
        assertThat(done.path("files").get(0).path("id").asText()).isEqualTo(fileId);
        assertThat(slack.uploadedFile(fileId)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(slack.calls("file_upload")).singleElement()
                .satisfies(c -> assertThat(c.param("length")).isEqualTo(Integer.toString(content.length)));
        assertThat(slack.transcript()).last()
                .isEqualTo("  [file uploaded] postmortem.md (" + content.length + " bytes) to #inc-1: Draft postmortem");
        assertThat(client.error("files.completeUploadExternal", Map.of("files", "[{\"id\":\"F9999\"}]"))).isEqualTo("file_not_found");
    }

    @Test
    void users_and_views() throws Exception {
        slack.addUser("U1", "alice@example.com", "alice");

        assertThat(client.form("users.lookupByEmail", Map.of("email", "ALICE@example.com")).json().path("user").path("id").asText())
                .isEqualTo("U1");
        assertThat(client.error("users.lookupByEmail", Map.of("email", "bob@example.com"))).isEqualTo("users_not_found");
        assertThat(client.form("users.info", Map.of("user", "U1")).json().path("user").path("profile").path("email").asText())
                .isEqualTo("alice@example.com");
        assertThat(client.error("users.info", Map.of("user", "U404"))).isEqualTo("user_not_found");

        String view = "{\"type\":\"modal\",\"callback_id\":\"declare\",\"title\":{\"type\":\"plain_text\",\"text\":\"Declare an incident\"},\"blocks\":[]}";
        JsonNode opened = client.form("views.open", Map.of("trigger_id", "t-1", "view", view)).json();
        assertThat(opened.path("view").path("id").asText()).startsWith("V");
        assertThat(opened.path("view").path("callback_id").asText()).isEqualTo("declare");
        assertThat(slack.transcript()).containsExactly(
                "! users.lookupByEmail → users_not_found",
                "! users.info → user_not_found",
                "  [modal opened] Declare an incident");
    }

    @Test
    void transcript_reads_like_what_appeared_in_slack() throws Exception {
        slack.createChannelDirectly("announcements", false, "U0ADMIN");
        slack.responseUrl("r1", "/incident");
        String name = "inc-20261123-checkout-down";
        String card = """
                [{"type":"header","text":{"type":"plain_text","text":"🔴 Checkout down"}},
                 {"type":"section","fields":[{"type":"mrkdwn","text":"*Severity:*\\nSEV2"},
                                             {"type":"mrkdwn","text":"*Status:*\\nInvestigating"}]},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"Lead <@U1>"}]},
                 {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Resolve"}},
                                               {"type":"button","text":{"type":"plain_text","text":"Page"}}]}]""";

        client.form("auth.test", Map.of());
        client.post("/respond/r1", "application/json", "{\"text\":\"Declaring checkout down…\"}");
        String channel = client.form("conversations.create", Map.of("name", name, "is_private", "false"))
                .json().path("channel").path("id").asText();
        client.form("conversations.setTopic", Map.of("channel", channel, "topic", "SEV2 · investigating · lead <@U1>"));
        client.form("conversations.invite", Map.of("channel", channel, "users", "U1,U2"));
        String ts = client.form("chat.postMessage", Map.of("channel", channel, "text", "Checkout down", "blocks", card))
                .json().path("ts").asText();
        client.form("chat.update", Map.of("channel", channel, "ts", ts, "blocks", card.replace("Investigating", "Mitigated")));
        client.form("chat.postMessage", Map.of("channel", "announcements", "text", ":rotating_light: New incident"));
        client.form("chat.postEphemeral", Map.of("channel", channel, "user", "U1", "text", "You are the lead"));
        client.form("chat.postMessage", Map.of("channel", channel, "text", "Timeline entry", "thread_ts", ts));

        assertThat(slack.transcript()).containsExactly(
                "  (reply to /incident) Declaring checkout down…",
                "+ #" + name + " created (public)",
                "  topic #" + name + ": \"SEV2 · investigating · lead <@U1>\"",
                "  invited <@U1>, <@U2> to #" + name,
                "  #" + name + "  [card] 🔴 Checkout down | Severity: SEV2 | Status: Investigating | Lead <@U1> | [Resolve] [Page]",
                "  #" + name + "  [card updated] 🔴 Checkout down | Severity: SEV2 | Status: Mitigated | Lead <@U1> | [Resolve] [Page]",
                "  #announcements  :rotating_light: New incident",
                "  (ephemeral to <@U1> in #" + name + ") You are the lead",
                "  #" + name + "  ↳ Timeline entry");
        assertThat(slack.messages(slack.channelByName("announcements").orElseThrow().id())).hasSize(1);
    }
}
