package dev.mayday.faults;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.FastClock;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, fault suite, "Slack storm": the fake answers {@code 429 Retry-After: 5} to every Web API call for 20 s, then
 * 500 to half of them for 20 s more. Nothing is sent to a method before its {@code Retry-After} has passed, each
 * channel sees its changes once and in order, nothing is lost, and slash commands are acknowledged at once.
 * <p>
 * The bot's retry and rate-limit waits, its outbox backoff and the fake's call stamps all run on one {@link FastClock},
 * ten times faster than real time, so the storm's timings are checked as specified in a few real seconds. Slack's
 * 3-second acknowledgement window is real time, and is measured in real time.
 */
class SlackStormTest {

    private static final int SPEED = 10;
    private static final Duration STORM = Duration.ofSeconds(20);
    private static final Duration HALF_FAILING = Duration.ofSeconds(20);
    private static final int RETRY_AFTER_SECONDS = 5;
    /**
     * A call already on its way when another thread's call to the same method was answered 429 cannot be held back;
     * it arrives within milliseconds of that answer. Anything later, up to {@code Retry-After}, was sent after the
     * process knew to wait.
     */
    private static final Duration IN_FLIGHT = Duration.ofMillis(300);
    private static final Duration ACK_WINDOW = Duration.ofSeconds(3);
    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    FastClock clock;
    Sandbox sandbox;
    Instant stormStart;
    final List<Duration> ackTimes = new ArrayList<>();
    final AtomicInteger serverErrors = new AtomicInteger();
    /** Per channel, what each change sent to it is expected to say, in the order the commands were sent. */
    final Map<String, List<String>> changes = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        clock = new FastClock(SPEED);
        sandbox = sandboxes.start(dir -> Sandbox.startOnWallClock(dir, clock));
    }

    @Test
    void stormOf429sThenHalf500s_honoursRetryAfter_keepsEachChannelInOrder_losesNothing_andAcksAtOnce() {
        String checkout = sandbox.declare(ALEX, "sev2 Checkout is down");
        String search = sandbox.declare(SAM, "sev3 Search is slow");
        long seed = Long.getLong("mayday.storm.seed", System.nanoTime());
        System.out.println("SlackStormTest seed=" + seed + " (replay the coin with -Dmayday.storm.seed=" + seed + ")");
        Random coin = new Random(seed);
        stormStart = clock.instant();
        sandbox.slack.outage(call -> {
            if (inStorm(call)) {
                return FakeAnswer.rateLimited(RETRY_AFTER_SECONDS);
            }
            if (call.receivedAt().isBefore(stormStart.plus(STORM).plus(HALF_FAILING)) && coin.nextBoolean()) {
                serverErrors.incrementAndGet();
                return FakeAnswer.httpError(500);
            }
            return null;
        });

        SlackReply declared = command(SAM, sandbox.generalChannel, "declare sev2 Payments failing");
        assertThat(declared.text()).contains("Declaring incident #3");
        List<String[]> duringStorm = List.of(
                new String[] {checkout, "status identified", "Investigating → Identified"},
                new String[] {search, "update reindexing shard 4", "reindexing shard 4"},
                new String[] {checkout, "update storm update 1", "storm update 1"},
                new String[] {checkout, "note storm note 2", "storm note 2"},
                new String[] {search, "sev 2", "SEV3 → SEV2"},
                new String[] {checkout, "sev 1", "SEV2 → SEV1"},
                new String[] {checkout, "update storm update 3", "storm update 3"},
                new String[] {search, "note shard 4 back", "shard 4 back"},
                new String[] {checkout, "status monitoring", "Identified → Monitoring"});
        int sentInStorm = 0;
        for (String[] change : duringStorm) {
            waitUntil(stormStart.plus(Duration.ofMillis(1_000 + 1_500L * sentInStorm)));
            if (!clock.instant().isBefore(stormStart.plus(STORM).minusSeconds(2))) {
                break;
            }
            change(ALEX, change);
            sentInStorm++;
        }
        assertThat(sentInStorm).as("changes sent during the storm").isGreaterThanOrEqualTo(5);
        long paymentsId = sandbox.incidents().get(2).id();
        assertThat(sandbox.app.incidents().byId(paymentsId).orElseThrow().place().channelId())
                .as("no channel could be made during the storm").isNull();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.app.incidents().byId(paymentsId).orElseThrow().channel().isPresent());
        String payments = sandbox.app.incidents().byId(paymentsId).orElseThrow().place().channelId();
        for (String[] change : List.of(
                new String[] {checkout, "update storm update 4", "storm update 4"},
                new String[] {payments, "status identified", "Investigating → Identified"},
                new String[] {payments, "update card processor failed over", "card processor failed over"},
                new String[] {checkout, "resolve rolled back 4812", "rolled back 4812"},
                new String[] {search, "resolve reindexed", "reindexed"},
                new String[] {payments, "resolve failover held", "failover held"})) {
            change(SAM, change);
        }
        try {
            assertThat(sandbox.app.awaitSlackWork(60, TimeUnit.SECONDS)).as("Slack work finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        System.out.printf("SlackStormTest: %d calls answered 429, %d answered 500, %s on the fast clock, acks %s%n",
                rateLimitedCalls().size(), serverErrors.get(), Duration.between(stormStart, clock.instant()), ackTimes);

        nothingWasSentToAMethodBeforeItsRetryAfterPassed();
        assertThat(serverErrors.get()).as("the storm's second part answered some calls 500").isPositive();
        assertThat(ackTimes).as("every slash command answered inside Slack's window, in real time")
                .allSatisfy(t -> assertThat(t).isLessThan(ACK_WINDOW));
        changes.forEach(this::eachChangeArrivedOnceInOrder);
        for (Incident incident : sandbox.incidents()) {
            String channel = incident.place().channelId();
            assertThat(incident.status()).as("#" + incident.id()).isEqualTo(Status.RESOLVED);
            List<OutboxRow> rows = sandbox.app.database().read(store -> store.outbox().forIncident(incident.id()));
            assertThat(rows).as("outbox of incident #" + incident.id()).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.state()).as(row.type() + " " + row.payload() + " " + row.lastError())
                            .isEqualTo(OutboxRow.DONE));
            assertThat(sandbox.slack.messages(channel).get(0).blocksJson()).as("card of #" + incident.id())
                    .contains(incident.severity().label()).contains("Resolved");
            assertThat(sandbox.slack.channel(channel).orElseThrow().topic()).as("topic of #" + incident.id())
                    .contains("Resolved");
        }
        // the updates' replies in the announcements' threads are not announcements
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).filteredOn(m -> m.threadTs() == null)
                .as("one announcement per incident, current").hasSize(3)
                .allSatisfy(announcement -> assertThat(announcement.blocksJson()).contains("Resolved"));
        assertThat(sandbox.slack.channels()).filteredOn(c -> c.name().startsWith("inc-")).extracting(c -> c.name())
                .containsExactlyInAnyOrder("inc-20260314-checkout-is-down", "inc-20260314-search-is-slow",
                        "inc-20260314-payments-failing");
        assertThat(sandbox.calls("response_url")).extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Incident #3 is live in"));
    }

    private boolean inStorm(SlackCall call) {
        return !call.receivedAt().isBefore(stormStart) && call.receivedAt().isBefore(stormStart.plus(STORM));
    }

    private List<SlackCall> rateLimitedCalls() {
        return apiCalls().stream().filter(this::inStorm).toList();
    }

    private List<SlackCall> apiCalls() {
        return sandbox.slack.calls().stream()
                .filter(c -> !c.method().equals("response_url") && !c.method().equals("file_upload")).toList();
    }

    /** For every 429, no other call to the same method arrived after it and before its Retry-After had passed. */
    private void nothingWasSentToAMethodBeforeItsRetryAfterPassed() {
        Map<String, List<SlackCall>> byMethod = apiCalls().stream().sorted(Comparator.comparing(SlackCall::receivedAt))
                .collect(Collectors.groupingBy(SlackCall::method));
        List<String> early = new ArrayList<>();
        for (SlackCall limited : rateLimitedCalls()) {
            Instant openAgain = limited.receivedAt().plusSeconds(RETRY_AFTER_SECONDS);
            for (SlackCall next : byMethod.get(limited.method())) {
                if (next.receivedAt().isAfter(limited.receivedAt().plus(IN_FLIGHT)) && next.receivedAt().isBefore(openAgain)) {
                    early.add(limited.method() + " at +" + Duration.between(stormStart, next.receivedAt()).toMillis()
                            + " ms, after a 429 at +" + Duration.between(stormStart, limited.receivedAt()).toMillis() + " ms");
                }
            }
        }
        for (String method : List.of("chat.postMessage", "conversations.create")) {
            assertThat(rateLimitedCalls()).filteredOn(c -> c.method().equals(method))
                    .as("%s was tried again during the storm", method).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(early).as("calls sent before Retry-After passed").isEmpty();
    }

    private void eachChangeArrivedOnceInOrder(String channel, List<String> expected) {
        List<String> texts = sandbox.slack.messages(channel).stream().map(FakeMessage::text).toList();
        assertThat(texts).as("the card, then one message per change in " + channel).hasSize(1 + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(texts.get(i + 1)).as("message %d in %s", i + 1, channel).contains(expected.get(i));
        }
    }

    /** Sends {@code {channel, command, what the channel is then told}} and expects a bare, empty acknowledgement. */
    private void change(String user, String[] change) {
        assertThat(command(user, change[0], change[1]).body()).as(change[1]).isEmpty();
        changes.computeIfAbsent(change[0], c -> new ArrayList<>()).add(change[2]);
    }

    private SlackReply command(String user, String channel, String text) {
        long started = System.nanoTime();
        SlackReply reply = sandbox.simulator.command(user, channel, text);
        ackTimes.add(Duration.ofNanos(System.nanoTime() - started));
        assertThat(reply.status()).as(text).isEqualTo(200);
        return reply;
    }

    private void waitUntil(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        if (!left.isNegative()) {
            try {
                clock.sleeper().sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
