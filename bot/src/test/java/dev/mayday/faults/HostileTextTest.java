package dev.mayday.faults;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text made of Slack's control sequences, declared through the command and the form, pushed through every surface
 * Mayday writes to (card, announcement, topic, update, note, action items, resolution, timeline, digest, App Home,
 * post-mortem file and its title), judged on what the fake Slack received.
 */
class HostileTextTest {

    static final String HOSTILE = "U0HOSTILE";
    private static final String ALEX = "U0ALEX";
    private static final InertOutput RULE = new InertOutput(HOSTILE);

    /** Each a way to ping, disguise or break out; combined at random. The first list never starts with blank. */
    private static final List<String> VISIBLE = List.of(
            "<!channel>", "<!here>", "<!here|here>", "<!everyone>", "<!subteam^S0HOSTILE|@oncall>", "<!subteam^S0X>",
            "<@" + HOSTILE + "|boss>", "<@" + HOSTILE + ">", "<#C0HOSTILE|secret>", "<#C0HOSTILE>",
            "<https://evil.example/login|Click to re-authenticate>", "<https://evil.example/a?b=1&amp;c=2|https://good.example>",
            "<mailto:it@evil.example|IT support>", "<https://evil.example/\u202Emoc.elgoog|google>", "<javascript://x|ok>",
            "<!date^1392734382^{date}|Feb 18>", "&lt;!channel&gt;", "&amp;", "&", "<", ">", "&lt;", "*", "_", "~", "`",
            "```", ":fire:", "🔥", "\u202E", "\u200F", "\u2066", "checkout", "down", "<not a link>", "a|b", "> quoted");
    private static final List<String> ANY = Stream.concat(VISIBLE.stream(), Stream.of(" ", "\n")).toList();

    private static Path dir;
    private static Sandbox sandbox;
    private static final AtomicInteger views = new AtomicInteger();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("mayday-hostile-text");
        sandbox = Sandbox.start(dir);
    }

    @AfterContainer
    static void stop() throws IOException {
        sandbox.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> first = Arbitraries.of(VISIBLE);
        Arbitrary<List<String>> rest = Arbitraries.of(ANY).list().ofMaxSize(3);
        return first.flatMap(f -> rest.map(r -> f + String.join("", r)));
    }

    @Property(tries = 15)
    void hostileText_neverPingsOrDisguises_onAnySurface(@ForAll("hostile") String text, @ForAll boolean viaForm) {
        sandbox.settle();
        int mark = sandbox.slack.calls().size();
        List<InertOutput.Seen> seen = new ArrayList<>();
        String channel = declare(text, viaForm, seen);

        command(channel, "update " + text, seen, true);
        command(channel, "note " + text, seen, true);
        command(channel, "action " + text, seen, true);
        command(channel, "learned " + text, seen, true);
        command(channel, "actions", seen, true);
        command(channel, "timeline", seen, true);
        command(channel, "resolve " + text, seen, true);
        command(channel, "close", seen, true);
        String digest = command(sandbox.generalChannel, "digest", seen, false);
        int published = sandbox.calls("views.publish").size();
        sandbox.simulator.deliver(sandbox.simulator.appHomeOpened(ALEX, "home"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.calls("views.publish").size() > published);
        sandbox.settle();

        List<SlackCall> calls = sandbox.slack.calls().subList(mark, sandbox.slack.calls().size());
        calls.forEach(call -> seen.addAll(InertOutput.of(call, incidentChannels())));
        calls.stream().filter(c -> c.method().equals("files.completeUploadExternal")).forEach(c -> {
            String id = c.param("files").replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String file = new String(sandbox.slack.uploadedFile(id).orElseThrow(), StandardCharsets.UTF_8);
            seen.add(new InertOutput.Seen("post-mortem file", file, InertOutput.Kind.MARKDOWN, true));
        });

        // not vacuous: every surface was reached
        assertThat(calls).anySatisfy(c -> assertThat(c.param("channel")).isEqualTo(sandbox.announceChannel));
        assertThat(calls).anySatisfy(c -> assertThat(c.method()).isEqualTo("conversations.setTopic"));
        assertThat(calls).anySatisfy(c -> assertThat(c.method()).isEqualTo("files.completeUploadExternal"));
        assertThat(digest).contains("What we learned");
        assertThat(RULE.violations(seen)).isEmpty();
    }

    @Example
    void declareCommand_withABroadcast_announcesWithoutPingingTheChannel() {
        String channel = sandbox.declare(ALEX, "sev2 <!channel> checkout down");

        String announcement = announcementOf(channel);
        assertThat(announcement).contains("@channel checkout down").doesNotContain("<!channel>");
        assertThat(topicOf(channel)).endsWith("@channel checkout down");
    }

    @Example
    void declareForm_withADisguisedLink_showsTheRealAddress() {
        int mark = sandbox.slack.calls().size();
        sandbox.simulator.submitDeclareForm(ALEX, "V-disguise", sandbox.generalChannel,
                "API slow <https://evil.example/login|Click to re-authenticate>", "sev3", "<!here> see above", false);
        sandbox.settle();
        String channel = sandbox.incidents().get(sandbox.incidents().size() - 1).place().channelId();

        assertThat(announcementOf(channel))
                .contains("API slow <https://evil.example/login> (Click to re-authenticate)")
                .doesNotContain("|Click");
        String card = sandbox.slack.calls().subList(mark, sandbox.slack.calls().size()).stream()
                .filter(c -> c.method().equals("chat.postMessage") && channel.equals(c.param("channel")))
                .findFirst().orElseThrow().param("blocks");
        assertThat(card).contains("API slow https://evil.example/login (Click to re-authenticate)")
                .contains("@here see above").doesNotContain("<!here>");
    }

    @Example
    void pagerDutyTitle_andNote_areInert() {
        sandbox.settle();
        int mark = sandbox.slack.calls().size();
        var page = sandbox.pagerDuty.putIncident(sandbox.pagerDuty.addIncident("PDHOSTILE",
                "<!here> DB down <https://evil.example|status page>").withPriority("P2"));
        assertThat(sandbox.deliver(sandbox.webhooks.triggered(page)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.incidents().stream()
                .anyMatch(i -> i.title().startsWith("<!here> DB down") && i.channel().isPresent()));
        sandbox.settle();
        String channel = sandbox.incidents().stream().filter(i -> i.title().startsWith("<!here> DB down"))
                .findFirst().orElseThrow().place().channelId();
        sandbox.deliver(sandbox.webhooks.annotated(page, "<!channel> rolled back, see <https://evil.example|runbook>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.slack.messages(channel).stream()
                .anyMatch(m -> m.text().contains("rolled back")));
        List<InertOutput.Seen> seen = new ArrayList<>();
        command(channel, "pd", seen, true);
        sandbox.settle();

        List<SlackCall> calls = sandbox.slack.calls().subList(mark, sandbox.slack.calls().size());
        calls.forEach(call -> seen.addAll(InertOutput.of(call, incidentChannels())));
        assertThat(announcementOf(channel)).contains("@here DB down <https://evil.example> (status page)");
        assertThat(seen).anySatisfy(s -> assertThat(s.text()).contains("@channel rolled back"));
        assertThat(RULE.violations(seen)).isEmpty();
    }

    private static String declare(String text, boolean viaForm, List<InertOutput.Seen> seen) {
        int before = sandbox.incidents().size();
        if (viaForm) {
            var reply = sandbox.simulator.submitDeclareForm(ALEX, "V" + views.incrementAndGet(), sandbox.generalChannel,
                    text, "sev2", text, false);
            assertThat(reply.status()).isEqualTo(200);
            sandbox.settle();
        } else {
            command(sandbox.generalChannel, "declare sev2 " + text, seen, false);
        }
        assertThat(sandbox.incidents()).hasSize(before + 1);
        return sandbox.incidents().get(before).place().channelId();
    }

    private static String command(String channel, String text, List<InertOutput.Seen> seen, boolean inIncidentChannel) {
        SlackSimulator.SlackReply reply = sandbox.command(ALEX, channel, text);
        assertThat(reply.status()).as(text).isEqualTo(200);
        seen.addAll(InertOutput.ofReply("answer to /incident " + text, reply.body(), inIncidentChannel));
        return reply.body();
    }

    private static Set<String> incidentChannels() {
        return sandbox.incidents().stream().flatMap(i -> i.channel().stream()).collect(Collectors.toSet());
    }

    private static String announcementOf(String channel) {
        long id = sandbox.incidentIn(channel).id();
        return sandbox.slack.messages(sandbox.announceChannel).stream().map(m -> m.text())
                .filter(t -> t.contains("Incident #" + id + ":")).findFirst().orElseThrow();
    }

    private static String topicOf(String channel) {
        return sandbox.calls("conversations.setTopic").stream().filter(c -> channel.equals(c.param("channel")))
                .reduce((a, b) -> b).orElseThrow().param("topic");
    }
}
