package dev.mayday.slack;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.support.Sandbox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 2: public and private incidents declared with one title at about the same moment, against a Slack
 * that makes each channel at once and answers {@code conversations.create} late (so a second incident asking for the
 * same name meanwhile hears {@code name_taken} and finds a channel the bot made that no incident owns yet). Whatever the
 * interleaving: every incident gets a channel of its own privacy, no channel serves two incidents or is left over, and
 * nobody is invited to another incident's channel.
 * <p>
 * One server serves every try; each try declares under a title of its own.
 */
class ChannelAdoptionPropertyTest {

    private static Path dir;
    private static Sandbox sandbox;
    private static final AtomicInteger rounds = new AtomicInteger();
    /** How late Slack answers the next conversations.create calls, in the order they arrive. */
    private static final Queue<Duration> lateAnswers = new ConcurrentLinkedQueue<>();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("mayday-channel-race");
        sandbox = Sandbox.start(dir);
        Function<dev.mayday.sandbox.fake.SlackCall, FakeAnswer> late = call -> {
            if (!call.method().equals("conversations.create")) {
                return null;
            }
            Duration delay = lateAnswers.poll();
            return delay == null ? null : FakeAnswer.answeredLate(delay);
        };
        sandbox.slack.outage(late);
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

    /** One declaration: its privacy, the pause before it is sent, and how late Slack answers its first create. */
    record Declaration(boolean isPrivate, int gapMillis, int answerDelayMillis) {
        @Override
        public String toString() {
            return (isPrivate ? "private" : "public") + " after " + gapMillis + " ms, create answered "
                    + answerDelayMillis + " ms late";
        }
    }

    @Provide
    Arbitrary<List<Declaration>> declarations() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 150),
                Arbitraries.integers().between(0, 700)).as(Declaration::new).list().ofMinSize(2).ofMaxSize(5);
    }

    @Property(tries = 20)
    void sameTitleDeclaredAtOnce_eachIncidentGetsItsOwnChannelOfItsOwnPrivacy(
            @ForAll("declarations") List<Declaration> declarations) throws Exception {
        int round = rounds.incrementAndGet();
        String title = "Disk full round " + round;
        String slug = "disk-full-round-" + round;
        lateAnswers.clear();
        declarations.forEach(d -> lateAnswers.add(Duration.ofMillis(d.answerDelayMillis())));

        for (int i = 0; i < declarations.size(); i++) {
            Declaration declaration = declarations.get(i);
            TimeUnit.MILLISECONDS.sleep(declaration.gapMillis());
            assertThat(sandbox.simulator.submitDeclareForm(declarer(round, i), "V-" + round + "-" + i,
                    sandbox.generalChannel, title, "SEV3", null, declaration.isPrivate()).status()).isEqualTo(200);
        }
        assertThat(sandbox.app.awaitSlackWork(30, TimeUnit.SECONDS)).as("Slack work finished").isTrue();

        List<Incident> incidents = sandbox.incidents().stream().filter(i -> i.title().equals(title)).toList();
        assertThat(incidents).hasSize(declarations.size());
        assertThat(incidents).allSatisfy(incident -> assertThat(incident.place().channelId()).as("channel of #%d", incident.id())
                .isNotNull());
        assertThat(incidents.stream().map(i -> i.place().channelId()).distinct()).hasSize(incidents.size());
        Set<String> declarers = incidents.stream().map(i -> i.people().declaredBy()).collect(Collectors.toSet());
        for (Incident incident : incidents) {
            FakeChannel channel = sandbox.slack.channel(incident.place().channelId()).orElseThrow();
            assertThat(channel.isPrivate()).as("privacy of #%s for incident #%d (%s)", channel.name(), incident.id(),
                    incident.isPrivate() ? "private" : "public").isEqualTo(incident.isPrivate());
            assertThat(channel.members()).as("members of #%s", channel.name())
                    .contains(incident.people().declaredBy())
                    .doesNotContainAnyElementsOf(declarers.stream().filter(d -> !d.equals(incident.people().declaredBy())).toList());
            assertThat(sandbox.slack.messages(channel.id())).as("cards in #%s", channel.name())
                    .filteredOn(m -> m.text().contains("Incident #")).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.text()).doesNotContain(otherIncidentNumbers(incidents, incident)));
        }
        assertThat(sandbox.slack.channels()).as("channels made for round %d", round)
                .filteredOn(c -> c.name().contains(slug)).hasSize(incidents.size());
        Map<Long, List<OutboxRow>> rows = incidents.stream().collect(Collectors.toMap(Incident::id,
                i -> sandbox.app.database().read(store -> store.outbox().forIncident(i.id()))));
        assertThat(rows.values()).allSatisfy(list -> assertThat(list).allSatisfy(row -> assertThat(row.state())
                .isEqualTo(OutboxRow.DONE)));
    }

    private static String declarer(int round, int i) {
        return "U0R" + round + "D" + i;
    }

    private static String[] otherIncidentNumbers(List<Incident> incidents, Incident incident) {
        return incidents.stream().filter(i -> i.id() != incident.id()).map(i -> "Incident #" + i.id() + ":")
                .toArray(String[]::new);
    }
}
