package dev.mayday.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdOnCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * manifest.yml and the code must agree: what Slack sends is what the code handles, and the scopes are exact; and
 * manifest.socket-mode.yml is the same app for Socket Mode.
 */
class ManifestTest {

    /** The bot scopes each Web API method needs as Mayday uses it (public and private channels alike). */
    private static final Map<String, Set<String>> SCOPES_BY_METHOD = Map.ofEntries(
            entry("auth.test", Set.of()),
            entry("views.open", Set.of()),
            entry("views.publish", Set.of()),
            entry("response_url", Set.of()),
            entry("conversations.create", Set.of("channels:manage", "groups:write")),
            entry("conversations.setTopic", Set.of("channels:manage", "groups:write")),
            entry("conversations.invite", Set.of("channels:manage", "groups:write")),
            entry("conversations.list", Set.of("channels:read", "groups:read")),
            entry("conversations.history", Set.of("channels:history", "groups:history")),
            entry("users.lookupByEmail", Set.of("users:read", "users:read.email")),
            entry("users.info", Set.of("users:read", "users:read.email")),
            entry("usergroups.users.list", Set.of("usergroups:read")),
            entry("files.getUploadURLExternal", Set.of("files:write")),
            entry("file_upload", Set.of()),
            entry("files.completeUploadExternal", Set.of("files:write")),
            entry("files.delete", Set.of("files:write")),
            entry("chat.postMessage", Set.of("chat:write", "chat:write.public")),
            entry("chat.update", Set.of("chat:write")));

    /** The bot scopes each subscribed bot event needs (Slack delivers an event only with its scope granted). */
    private static final Map<String, Set<String>> SCOPES_BY_EVENT = Map.ofEntries(
            entry("message.channels", Set.of("channels:history")),
            entry("message.groups", Set.of("groups:history")),
            entry("reaction_added", Set.of("reactions:read")),
            entry("reaction_removed", Set.of("reactions:read")),
            entry("app_home_opened", Set.of()));

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    JsonNode manifest;

    @BeforeEach
    void start() throws IOException {
        sandbox = sandboxes.start(dir -> Sandbox.startWithPagingAndDutyAdmins(dir, "U0ALEX,S0LEADS"));
        manifest = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(manifestFile()));
    }

    @Test
    void slashCommands_matchTheHandlers() {
        Set<String> declared = texts(manifest.path("features").path("slash_commands"), "command");
        assertThat(declared).isEqualTo(sandbox.app.surface().commands());
        manifest.path("features").path("slash_commands").forEach(command ->
                assertThat(command.path("should_escape").asBoolean()).as("mentions arrive as ids").isTrue());
    }

    @Test
    void messageShortcuts_matchTheHandlers() {
        JsonNode shortcuts = manifest.path("features").path("shortcuts");
        Set<String> declared = StreamSupport.stream(shortcuts.spliterator(), false)
                .filter(s -> "message".equals(s.path("type").asText()))
                .map(s -> s.path("callback_id").asText()).collect(Collectors.toSet());
        assertThat(declared).isEqualTo(sandbox.app.surface().messageShortcuts());
    }

    @Test
    void botEvents_matchTheHandlers() {
        Set<String> declared = texts(manifest.path("settings").path("event_subscriptions").path("bot_events"), null);
        assertThat(declared).isEqualTo(sandbox.app.surface().botEvents());
    }

    @Test
    void interactivity_isOnBecauseTheCodeHandlesButtonsFormsAndShortcuts() {
        assertThat(sandbox.app.surface().blockActions()).isNotEmpty();
        assertThat(sandbox.app.surface().viewSubmissions()).isNotEmpty();
        assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
    }

    @Test
    void everyRequestUrl_pointsAtSlackEvents() {
        List<String> urls = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(c -> urls.add(c.path("url").asText()));
        urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
        JsonNode events = manifest.path("settings").path("event_subscriptions");
        if (!events.isMissingNode()) {
            urls.add(events.path("request_url").asText());
        }
        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).matches("https://[^/]+/slack/events"));
    }

    @Test
    void botScopes_areExactlyWhatTheCalledMethodsNeed() {
        runEveryFeature();

        Set<String> methods = sandbox.slack.calls().stream().map(SlackCall::method).collect(Collectors.toCollection(TreeSet::new));
        assertThat(SCOPES_BY_METHOD.keySet()).as("a method Mayday calls has no scope entry here; add it, and its scope to manifest.yml")
                .containsAll(methods);
        Set<String> needed = new TreeSet<>(Set.of("commands"));
        methods.forEach(method -> needed.addAll(SCOPES_BY_METHOD.get(method)));
        Set<String> events = sandbox.app.surface().botEvents();
        assertThat(SCOPES_BY_EVENT.keySet()).as("an event Mayday handles has no scope entry here; add it, and its scope to manifest.yml")
                .containsAll(events);
        events.forEach(event -> needed.addAll(SCOPES_BY_EVENT.get(event)));

        Set<String> declared = texts(manifest.path("oauth_config").path("scopes").path("bot"), null);
        assertThat(declared).isEqualTo(needed);
    }

    /** Touches every path that calls Slack, so the scope check sees every method. */
    private void runEveryFeature() {
        sandbox.pagerDuty.addUser("PU1", "Ann Oncall", "ann@example.com");
        sandbox.pagerDuty.setOnCalls(FakePagerDuty.DEFAULT_POLICY_ID, List.of(new PdOnCall("PU1", 1)));
        sandbox.slack.addUser("U0ANN", "ann@example.com", "ann");
        sandbox.deliver(sandbox.webhooks.triggered(sandbox.pagerDuty.addIncident("PD1", "Paged")));
        sandbox.settle();
        sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("fatal_error"));
        String channel = sandbox.declare("U0ALEX", "sev2 Checkout is down");
        sandbox.command("U0ALEX", channel, "lead <@U0SAM>");
        sandbox.command("U0SAM", channel, "status identified");
        sandbox.command("U0SAM", channel, "update rolling back");
        sandbox.command("U0SAM", channel, "page <@U0ANN> need a second pair of eyes");
        sandbox.command("U0SAM", channel, "resolve rolled back");
        sandbox.command("U0SAM", channel, "close");
        sandbox.command("U0SAM", channel, "postmortem");
        sandbox.simulator.addToTimeline("U0SAM", channel, "1773480000.000100", "U0ALEX", "key moment");
        sandbox.simulator.deliver(sandbox.simulator.message("U0ALEX", channel, "1773480000.000100", "key moment"));
        sandbox.simulator.deliver(sandbox.simulator.botMessage("B0GRAFANA", channel, "1773480001.000100", "alert"));
        sandbox.simulator.deliver(sandbox.simulator.reactionAdded("U0SAM", "pushpin", channel, "1773480000.000100", "U0ALEX"));
        sandbox.command("U0SAM", channel, "timeline");
        sandbox.command("U0ALEX", sandbox.generalChannel, "");
        sandbox.simulator.submitDeclareForm("U0ALEX", "V1", sandbox.generalChannel, "Secret thing", "SEV1", null, true);
        sandbox.slack.setUserGroup("S0LEADS", List.of("U0LEAD"));
        sandbox.command("U0ALEX", sandbox.generalChannel, "duty add <@U0KIM> engineer");
        sandbox.command("U0LEAD", sandbox.generalChannel, "duty remove <@U0KIM>");
        String drill = sandbox.declare("U0ALEX", "--drill sev3 Game day: the cache goes away");
        sandbox.command("U0ALEX", drill, "close");
        sandbox.command("U0ALEX", sandbox.generalChannel, "premortem Move card payments to the new vault");
        sandbox.settle();
        String premortem = sandbox.app.database().read(store -> store.premortems().byId(1)).orElseThrow().channelId();
        sandbox.command("U0ALEX", premortem, "risk Card tokens do not carry over <@U0KIM>");
        sandbox.simulator.deliver(sandbox.simulator.message("U0KIM", premortem, "1773480002.000100", "webhooks twice"));
        sandbox.simulator.deliver(sandbox.simulator.reactionAdded("U0SAM", "pushpin", premortem, "1773480002.000100", "U0KIM"));
        sandbox.command("U0ALEX", premortem, "mitigate 1 Dry run against a copy of the vault");
        sandbox.command("U0ALEX", premortem, "rollback Flip the flag off: 5 minutes");
        sandbox.command("U0ALEX", premortem, "premortem close");
        sandbox.settle();
    }

    /**
     * The hint Slack shows under {@code /incident} names only what the command knows ({@code /incident help} lists each
     * entry), and it names pre-mortems and practice incidents, which nobody would find otherwise.
     */
    @Test
    void usageHint_namesOnlyCommandsTheHelpLists_includingPremortemsAndDrills() {
        String hint = manifest.path("features").path("slash_commands").get(0).path("usage_hint").asText();
        String help = sandbox.command("U0ALEX", sandbox.generalChannel, "help").text();

        for (String entry : hint.split("\\|")) {
            String word = entry.trim().replaceAll("^\\[", "").split(" ")[0];
            assertThat(help).as("/incident help lists the hint's %s", word).contains("/incident " + word);
        }
        assertThat(hint).contains("premortem").contains("--drill");
        assertThat(help).contains("--drill");
    }

    @Test
    void directMessages_needTheMessagesTab_whichStaysReadOnly() {
        runEveryFeature();

        assertThat(sandbox.calls("chat.postMessage")).as("a roster change by someone else sends a direct message")
                .anySatisfy(call -> assertThat(call.param("channel")).isEqualTo("U0KIM"));
        JsonNode home = manifest.path("features").path("app_home");
        assertThat(home.path("messages_tab_enabled").asBoolean()).isTrue();
        assertThat(home.path("messages_tab_read_only_enabled").asBoolean()).as("nothing handles messages sent to it")
                .isTrue();
    }

    /**
     * The Socket Mode manifest is this one without request URLs and with Socket Mode on: the same commands, shortcuts,
     * events, scopes and settings, so every check above holds for it too.
     */
    @Test
    void socketModeManifest_isThisOneWithoutRequestUrls_andWithSocketModeOn() throws IOException {
        JsonNode socketMode = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(
                manifestFile().resolveSibling("manifest.socket-mode.yml")));
        ObjectNode expected = manifest.deepCopy();
        expected.path("features").path("slash_commands").forEach(command -> ((ObjectNode) command).remove("url"));
        ObjectNode settings = (ObjectNode) expected.path("settings");
        ((ObjectNode) settings.path("interactivity")).remove("request_url");
        ((ObjectNode) settings.path("event_subscriptions")).remove("request_url");
        settings.put("socket_mode_enabled", true);

        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
        assertThat(socketMode).isEqualTo(expected);
        assertThat(socketMode.findValues("url")).isEmpty();
        assertThat(socketMode.findValues("request_url")).isEmpty();
    }

    private static Set<String> texts(JsonNode array, String field) {
        Set<String> values = new TreeSet<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.path(field).asText()));
        return values;
    }

    private static Path manifestFile() {
        Path fromModule = Path.of("..", "manifest.yml");
        return Files.exists(fromModule) ? fromModule : Path.of("manifest.yml");
    }
}
