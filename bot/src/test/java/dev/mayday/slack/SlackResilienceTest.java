package dev.mayday.slack;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Slack rate-limits, fails, loses answers and goes away; Mayday delays its writes but never drops or doubles them. */
class SlackResilienceTest {

    private static final String ALEX = "U0ALEX";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    private List<String> texts(String channel) {
        return sandbox.slack.messages(channel).stream().map(FakeMessage::text).toList();
    }

    private List<OutboxRow> outbox(Incident incident) {
        return sandbox.app.database().read(store -> store.outbox().forIncident(incident.id()));
    }

    @Test
    void rateLimited_nothingIsSentToThatMethodBeforeRetryAfterPasses() {
        sandbox.slack.enqueue("chat.postMessage", FakeAnswer.rateLimited(1));

        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");

        List<SlackCall> posts = sandbox.calls("chat.postMessage");
        assertThat(posts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Duration.between(posts.get(0).receivedAt(), posts.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(sandbox.slack.messages(channel)).hasSize(1);
    }

    @Test
    void serverErrorsOnIdempotentCalls_areRetriedUntilTheyLand() {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        sandbox.slack.enqueue("chat.update", FakeAnswer.httpError(500));
        sandbox.slack.enqueue("chat.update", FakeAnswer.httpError(503));
        sandbox.slack.enqueue("conversations.setTopic", FakeAnswer.dropConnection());
        sandbox.slack.enqueue("conversations.setTopic", FakeAnswer.dropConnection());

        sandbox.command(ALEX, channel, "status identified");

        assertThat(sandbox.slack.channel(channel).orElseThrow().topic()).contains("Identified");
        assertThat(sandbox.slack.messages(channel).get(0).blocksJson()).contains("Identified");
        assertThat(outbox(sandbox.incidentIn(channel))).allSatisfy(row -> assertThat(row.state()).isEqualTo(OutboxRow.DONE));
    }

    @Test
    void postWhoseAnswerIsLost_isFoundByItsTagAndNotPostedTwice() {
        sandbox.slack.enqueue("chat.postMessage", FakeAnswer.actedThenFailed(500));

        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");

        assertThat(sandbox.calls("chat.postMessage")).hasSize(2);
        assertThat(sandbox.slack.messages(channel)).hasSize(1);
        assertThat(sandbox.incidentIn(channel).place().cardTs()).isEqualTo(sandbox.slack.messages(channel).get(0).ts());
        assertThat(sandbox.calls("conversations.history")).isNotEmpty();
    }

    @Test
    void changeMessageWhoseAnswerIsLost_isPostedOnce() {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        sandbox.slack.enqueue("chat.postMessage", FakeAnswer.actedThenFailed(502));

        sandbox.command(ALEX, channel, "update rolled back");

        assertThat(texts(channel)).filteredOn(t -> t.contains("rolled back")).hasSize(1);
    }

    @Test
    void errorThatWillNotHeal_isNotRetriedAndDoesNotBlockLaterChanges() {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        int updatesBefore = sandbox.calls("chat.update").size();
        sandbox.slack.enqueue("chat.update", FakeAnswer.slackError("message_not_found"));

        sandbox.command(ALEX, channel, "status identified");
        sandbox.command(ALEX, channel, "status monitoring");

        assertThat(sandbox.calls("chat.update").size() - updatesBefore)
                .as("one refused update, not retried, then the next change's updates").isGreaterThanOrEqualTo(2);
        List<OutboxRow> rows = outbox(sandbox.incidentIn(channel));
        assertThat(rows).extracting(OutboxRow::state)
                .containsExactly(OutboxRow.DONE, OutboxRow.FAILED, OutboxRow.DONE);
        assertThat(rows.get(1).lastError()).isEqualTo("message_not_found");
        assertThat(rows.get(1).attempts()).isEqualTo(1);
        assertThat(sandbox.slack.messages(channel).get(0).blocksJson()).contains("Monitoring");
    }

    @Test
    void slackDown_commandsStillAck_andEveryWriteArrivesOnceInOrderWhenItIsBack() {
        sandbox.slack.outage(FakeAnswer.httpError(503));

        SlackReply declared = sandbox.simulator.command(ALEX, sandbox.generalChannel, "declare sev1 Payments failing");
        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.text()).contains("Declaring incident #1");
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.place().channelId()).as("no channel while Slack is down").isNull();
        assertThat(sandbox.app.incidents().byId(incident.id())).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.calls("conversations.create").isEmpty());

        sandbox.slack.endOutage();
        sandbox.settle();
        String channel = sandbox.incidents().get(0).place().channelId();
        sandbox.slack.outage(FakeAnswer.httpError(500));
        for (String command : List.of("status identified", "update rolling back 4812", "note cache was cold", "sev 2")) {
            SlackReply reply = sandbox.simulator.command(ALEX, channel, command);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).as(command).isEmpty();
        }
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.IDENTIFIED);

        sandbox.slack.endOutage();
        sandbox.settle();

        assertThat(sandbox.calls("conversations.create").stream().filter(c -> c.param("name").contains("payments"))
                .map(c -> c.param("name")).distinct()).containsExactly("inc-20260314-payments-failing");
        List<String> lines = texts(channel);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains("Investigating → Identified");
        assertThat(lines.get(2)).contains("rolling back 4812");
        assertThat(lines.get(3)).contains("cache was cold");
        assertThat(lines.get(4)).contains("SEV1 → SEV2");
        assertThat(sandbox.slack.messages(channel).get(0).blocksJson()).contains("SEV2").contains("Identified");
        assertThat(sandbox.calls("response_url")).extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Slack is not answering"))
                .anySatisfy(t -> assertThat(t).contains("is live in"));
    }

    @Test
    void changesQueuedBehindEachOther_refreshTheCardAndTopicOnce_fromTheLatestState() {
        String channel = sandbox.declare(ALEX, "sev2 Payments failing");
        sandbox.slack.outage(FakeAnswer.httpError(500));
        for (String command : List.of("status identified", "sev 1")) {
            assertThat(sandbox.simulator.command(ALEX, channel, command).status()).isEqualTo(200);
        }
        int topicsBefore = sandbox.calls("conversations.setTopic").size();

        sandbox.slack.endOutage();
        sandbox.settle();

        // both changes are said in the channel, but only the last one refreshes what shows the incident's state
        assertThat(texts(channel)).hasSize(3);
        assertThat(sandbox.calls("conversations.setTopic")).hasSize(topicsBefore + 1);
        assertThat(sandbox.slack.channel(channel).orElseThrow().topic()).startsWith("SEV1 · Identified");
        assertThat(sandbox.slack.messages(channel).get(0).blocksJson()).contains("SEV1").contains("Identified");
    }

    @Test
    void restartWhileSlackIsDown_deliversWhatWasPendingOnce() {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        sandbox.slack.outage(FakeAnswer.httpError(503));
        sandbox.simulator.command(ALEX, channel, "update first");
        sandbox.simulator.command(ALEX, channel, "update second");

        sandbox.restart();
        sandbox.slack.endOutage();
        sandbox.settle();

        List<String> lines = texts(channel);
        assertThat(lines).filteredOn(t -> t.contains("first")).hasSize(1);
        assertThat(lines).filteredOn(t -> t.contains("second")).hasSize(1);
        assertThat(lines.indexOf(lines.stream().filter(t -> t.contains("first")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf(lines.stream().filter(t -> t.contains("second")).findFirst().orElseThrow()));
    }

    @Test
    void channelCreatedBeforeACrashButNeverRecorded_isAdoptedNotDuplicated() {
        sandbox.slack.createChannelDirectly("inc-20260314-queue-backlog", false, sandbox.slack.botUserId());

        String channel = sandbox.declare(ALEX, "Queue backlog");

        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-20260314-queue-backlog");
        assertThat(sandbox.slack.channels()).filteredOn(c -> c.name().startsWith("inc-20260314-queue-backlog")).hasSize(1);
    }

    @Test
    void twoPeopleResolvingAtOnce_leaveOneConsistentResolution() throws Exception {
        String channel = sandbox.declare(ALEX, "sev2 Checkout is down");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Callable<SlackReply>> resolvers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String user = "U0RESOLVER" + i;
                resolvers.add(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return sandbox.simulator.command(user, channel, "resolve fixed by " + user);
                });
            }
            List<Future<SlackReply>> replies = new ArrayList<>();
            resolvers.forEach(r -> replies.add(pool.submit(r)));
            gate.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<SlackReply> reply : replies) {
                answers.add(reply.get(20, TimeUnit.SECONDS).text());
            }
            sandbox.settle();

            assertThat(answers).filteredOn(String::isEmpty).hasSize(1);
            assertThat(answers).filteredOn(a -> a.contains("already resolved")).hasSize(3);
            assertThat(sandbox.timeline(channel)).filteredOn(e -> e.kind() == TimelineKind.RESOLVED).hasSize(1);
            assertThat(texts(channel)).filteredOn(t -> t.contains("resolved the incident")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
