package dev.mayday.slack;

import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A public incident's updates reach INCIDENTS_CHANNEL (a thread reply, the announcement); a private one's never. */
class StakeholderUpdatesTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();

    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void publicUpdate_isRepliedUnderTheAnnouncement_whichShowsTheLatestUpdate() {
        String channel = sandbox.declare("U0LEAD", "sev2 Checkout is slow");
        String announcementTs = sandbox.incidentIn(channel).place().announcementTs();

        sandbox.command("U0LEAD", channel, "update Rolled back the deploy, error rates falling");
        sandbox.command("U0LEAD", channel, "update Error rates back to normal, watching for an hour");

        List<FakeMessage> replies = threadReplies(announcementTs);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text()).contains("Update").contains("Rolled back the deploy, error rates falling");
        assertThat(replies.get(1).text()).contains("Error rates back to normal");
        FakeMessage announcement = announcement(announcementTs);
        assertThat(announcement.text()).contains("Latest update").contains("<!date^")
                .contains("Error rates back to normal, watching for an hour")
                .doesNotContain("Rolled back the deploy");
        assertThat(sandbox.slack.messages(channel)).anySatisfy(m -> assertThat(m.text())
                .contains("Error rates back to normal"));
    }

    @Test
    void theAnnouncement_keepsTheLatestUpdate_whenTheIncidentMovesOn() {
        String channel = sandbox.declare("U0LEAD", "sev2 Checkout is slow");
        String announcementTs = sandbox.incidentIn(channel).place().announcementTs();
        sandbox.command("U0LEAD", channel, "update Rolled back the deploy");

        sandbox.command("U0LEAD", channel, "status monitoring");

        assertThat(announcement(announcementTs).text()).contains("Monitoring").contains("Rolled back the deploy");
    }

    @Test
    void privateIncidentUpdates_neverLeaveItsChannel() {
        sandbox.simulator.submitDeclareForm("U0LEAD", "V0SECRET", sandbox.generalChannel, "Payroll data exposed",
                "SEV1", null, true);
        sandbox.settle();
        String channel = sandbox.incidents().get(0).place().channelId();

        sandbox.command("U0LEAD", channel, "update Revoked the leaked key");

        assertThat(sandbox.slack.messages(sandbox.announceChannel)).isEmpty();
        assertThat(sandbox.slack.messages(sandbox.generalChannel)).noneMatch(m -> m.text().contains("leaked key"));
        assertThat(sandbox.slack.messages(channel)).anySatisfy(m -> assertThat(m.text()).contains("leaked key"));
        int queued = sandbox.app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE type = 'StakeholderUpdate'").mapTo(Integer.class).one());
        assertThat(queued).isZero();
    }

    @Test
    void anUpdate_neverPingsOrDisguisesALink_inTheIncidentsChannel() {
        String channel = sandbox.declare("U0LEAD", "sev2 Checkout is slow");
        String announcementTs = sandbox.incidentIn(channel).place().announcementTs();

        sandbox.command("U0LEAD", channel,
                "update <!channel> ask <@U0BOSS> and log in at <https://evil.example|our SSO>");

        String reply = threadReplies(announcementTs).get(0).text();
        assertThat(reply).doesNotContain("<!channel>").doesNotContain("<@U0BOSS>").contains("https://evil.example");
        assertThat(announcement(announcementTs).text()).doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");
    }

    @Test
    void aReplySlackTookButFailedToConfirm_isNotPostedTwice() {
        String channel = sandbox.declare("U0LEAD", "sev2 Checkout is slow");
        String announcementTs = sandbox.incidentIn(channel).place().announcementTs();
        AtomicBoolean failedOnce = new AtomicBoolean();
        sandbox.slack.outage(call -> call.method().equals("chat.postMessage") && call.param("thread_ts") != null
                && failedOnce.compareAndSet(false, true) ? FakeAnswer.actedThenFailed(500) : null);

        sandbox.command("U0LEAD", channel, "update Rolled back the deploy");
        sandbox.slack.endOutage();

        assertThat(failedOnce).isTrue();
        assertThat(threadReplies(announcementTs)).hasSize(1);
        assertThat(sandbox.calls("conversations.replies")).isNotEmpty();
    }

    private List<FakeMessage> threadReplies(String announcementTs) {
        return sandbox.slack.messages(sandbox.announceChannel).stream()
                .filter(m -> announcementTs.equals(m.threadTs())).toList();
    }

    private FakeMessage announcement(String ts) {
        return sandbox.slack.messages(sandbox.announceChannel).stream().filter(m -> m.ts().equals(ts)).findFirst()
                .orElseThrow();
    }
}
