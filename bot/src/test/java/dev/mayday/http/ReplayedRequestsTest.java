package dev.mayday.http;

import ch.qos.logback.classic.Level;
import dev.mayday.incident.Status;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learnings;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 4: a signed request captured and sent again, byte for byte, within the signature window is
 * acknowledged and changes nothing: no second timeline entry, post, item, learning or roster change, and a replayed
 * Resolve does not resolve the incident again after it was reopened.
 */
class ReplayedRequestsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    String channel;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
        channel = sandbox.declare(ALEX, "sev2 Payments failing");
    }

    @Test
    void replayedNote_isAcknowledged_andStoredAndPostedOnce() {
        assertReplayChangesNothing("note the pool is saturated");
        assertThat(sandbox.timeline(channel)).filteredOn(e -> "the pool is saturated".equals(e.text())).hasSize(1);
    }

    @Test
    void replayedUpdate_isAcknowledged_andPostedOnce() {
        assertReplayChangesNothing("update failing over to the standby");
        assertThat(sandbox.slack.messages(channel)).filteredOn(m -> m.text().contains("failing over to the standby"))
                .hasSize(1);
    }

    @Test
    void replayedAction_isAcknowledged_andRecordedOnce() {
        assertReplayChangesNothing("action Add a pool alert");
        assertThat(actionItems()).isEqualTo(1);
    }

    @Test
    void replayedLearned_isAcknowledged_andRecordedOnce() {
        assertReplayChangesNothing("learned Pools saturate before CPU does");
        assertThat(learnings()).isEqualTo(1);
    }

    @Test
    void replayedDutyJoin_afterLeaving_doesNotPutThemBack() {
        Instant at = Instant.now();
        String join = command(SAM, sandbox.generalChannel, "duty join engineer");
        assertThat(send(join, at).status()).isEqualTo(200);
        assertThat(onRoster(SAM)).isTrue();
        sandbox.command(SAM, sandbox.generalChannel, "duty leave");
        assertThat(onRoster(SAM)).isFalse();

        SlackReply replay = send(join, at);

        assertThat(onRoster(SAM)).isFalse();
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).contains("handled already");
    }

    @Test
    void replayedResolveButton_afterReopen_doesNotResolveAgain() {
        Instant at = Instant.now();
        String resolve = sandbox.simulator.buttonClick(ALEX, channel, IncidentCard.RESOLVE_ACTION, "card");
        assertThat(send(resolve, at).status()).isEqualTo(200);
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.RESOLVED);
        sandbox.command(ALEX, channel, "status investigating");
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.INVESTIGATING);
        int posts = sandbox.slack.messages(channel).size();

        SlackReply replay = send(resolve, at);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(sandbox.slack.messages(channel)).hasSize(posts);
    }

    @Test
    void sameRequestAfterAStoreFault_isHandled() throws Exception {
        Instant at = Instant.now();
        String note = command(ALEX, channel, "note written while the disk was busy");
        SlackReply failed;
        try (CapturedLog errors = CapturedLog.of(UserFacingErrors.class);
             Connection locker = DriverManager.getConnection(sandbox.app.database().url());
             Statement statement = locker.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            failed = send(note, at);
            statement.execute("ROLLBACK");
            assertThat(errors.messages(Level.ERROR)).containsExactly("Store failed while running `/incident note`");
        }
        assertThat(failed.text()).contains("could not save");

        SlackReply retried = send(note, at);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text()).doesNotContain("handled already");
        assertThat(sandbox.timeline(channel)).filteredOn(e -> "written while the disk was busy".equals(e.text()))
                .hasSize(1);
    }

    @Test
    void sameCommandTextSentAgainAsANewRequest_isStillHandled() {
        sandbox.command(ALEX, channel, "note checked the pool");
        sandbox.command(ALEX, channel, "note checked the pool");

        assertThat(sandbox.timeline(channel)).filteredOn(e -> "checked the pool".equals(e.text())).hasSize(2);
    }

    /** Sends the command once, then the same signed bytes again: the second is acknowledged and changes nothing. */
    private void assertReplayChangesNothing(String text) {
        Instant at = Instant.now();
        String body = command(ALEX, channel, text);
        SlackReply first = send(body, at);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text()).doesNotContain(":warning:").doesNotContain(":x:");
        State before = state();

        SlackReply replay = send(body, at);

        assertThat(state()).isEqualTo(before);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).contains("handled already");
    }

    private record State(int timeline, int posts, int actionItems, int learnings, int responseUrlCalls) {
    }

    private State state() {
        return new State(sandbox.timeline(channel).size(), sandbox.slack.messages(channel).size(), actionItems(),
                learnings(), sandbox.calls("response_url").size());
    }

    private String command(String user, String in, String text) {
        return SlackSimulator.formEncode(sandbox.simulator.commandForm(user, in, text, "trigger-" + System.nanoTime()));
    }

    private SlackReply send(String body, Instant signedAt) {
        SlackReply reply = sandbox.simulator.post(FORM, body, signedAt);
        sandbox.settle();
        return reply;
    }

    private int actionItems() {
        return new ActionItems(sandbox.app.database()).list(sandbox.incidentIn(channel).id()).size();
    }

    private int learnings() {
        return new Learnings(sandbox.app.database()).list(sandbox.incidentIn(channel).id()).size();
    }

    private boolean onRoster(String user) {
        List<dev.mayday.db.rotation.MemberRow> members = sandbox.app.database().read(store -> store.roster().members());
        return members.stream().anyMatch(m -> m.userId().equals(user) && m.leftAt() == null);
    }
}
