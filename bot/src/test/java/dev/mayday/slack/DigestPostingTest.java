package dev.mayday.slack;

import dev.mayday.db.people.PersonRow;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The weekly digest reaches its channel exactly once per week, whatever restarts and crashes happen. */
class DigestPostingTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    private List<FakeMessage> digests() {
        return sandbox.slack.messages(sandbox.digestChannel);
    }

    /**
     * The sandbox starts on Saturday of W11 with a new store; restarted on Monday of W12 after the slot, as if it had
     * been down over it. W10 ended before the store existed and is never posted.
     */
    private void startThenMissTheSlotOfW11() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDigest(dir, "MON 09:00"));
        sandbox.settle();
        sandbox.clock.advance(Duration.ofDays(2).plusHours(1)); // Monday 16 March, 11:30 in Berlin
        sandbox.restart();
    }

    @Test
    void firstStart_postsNoDigestOfAWeekThatEndedBeforeTheStoreWasCreated() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDigest(dir, "MON 09:00"));
        sandbox.settle();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(digests()).isEmpty());
        int queued = sandbox.app.database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM outbox WHERE type = 'WeeklyDigest'").mapTo(Integer.class).one());
        assertThat(queued).isZero();
    }

    @Test
    void missedSlot_isPostedAtStartOnce_andARestartDoesNotPostAgain() {
        startThenMissTheSlotOfW11();
        await().atMost(Duration.ofSeconds(10)).until(() -> digests().size() == 1);
        FakeMessage digest = digests().get(0);
        assertThat(digest.blocksJson()).contains("Weekly learnings digest: 2026-W11").contains("Quiet week");
        assertThat(digest.metadataJson()).contains("mayday-digest-2026-W11");

        sandbox.restart();
        sandbox.settle();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(digests()).hasSize(1));
    }

    @Test
    void crashBetweenPostingAndRecording_isReconciledWithoutASecondPost() {
        startThenMissTheSlotOfW11();
        await().atMost(Duration.ofSeconds(10)).until(() -> digests().size() == 1);
        String ts = digests().get(0).ts();
        // what a crash right after chat.postMessage leaves behind: the week's outbox row still pending (its try
        // counted, Slack's answer never recorded), and nothing recorded where the digest landed
        sandbox.settle();
        sandbox.app.database().jdbi().useTransaction(h -> {
            h.execute("DELETE FROM digests");
            h.execute("UPDATE outbox SET state = 'PENDING', result = NULL, done_at = NULL WHERE type = 'WeeklyDigest'");
        });

        sandbox.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.app.database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM digests").mapTo(Integer.class).one()) == 1);

        assertThat(digests()).hasSize(1);
        String recorded = sandbox.app.database().jdbi().withHandle(h -> h.createQuery("SELECT message_ts FROM digests")
                .mapTo(String.class).one());
        assertThat(recorded).isEqualTo(ts);
        assertThat(sandbox.calls("conversations.history")).isNotEmpty();
    }

    @Test
    void digestCommand_previewsThisWeekOnlyToTheAsker() {
        sandbox = sandboxes.start(Sandbox::start);
        String channel = sandbox.declare("U0ALEX", "sev1 Payments failing");
        sandbox.command("U0ALEX", channel, "learned Retries need a budget");

        sandbox.app.database().inTransaction(store -> store.people().save(
                new PersonRow("U0ALEX", "Alex Kim", null, sandbox.clock.millis())));

        var reply = sandbox.command("U0ALEX", sandbox.generalChannel, "digest");

        assertThat(reply.body()).contains("Weekly learnings digest: 2026-W11").contains("SEV1")
                .as("named from the store, not numbered").contains("Alex Kim").doesNotContain("U0ALEX");
        assertThat(sandbox.command("U0ALEX", sandbox.generalChannel, "digest last").text()).contains("No digest has been posted yet");
        assertThat(sandbox.command("U0ALEX", sandbox.generalChannel, "digest yesterday").text()).contains("digest last");
    }
}
