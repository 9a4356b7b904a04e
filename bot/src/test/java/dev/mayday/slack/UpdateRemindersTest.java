package dev.mayday.slack;

import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.views.ReminderMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reminders when an incident goes quiet (UPDATE_REMINDERS at its default, sev1=15m … sev4=off), on the test clock. */
class UpdateRemindersTest {

    private static final Duration QUIET_CHECK = Duration.ofMillis(2_500);

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();

    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void quietSev1_remindsTheLeadAfter15Minutes_thenAfterEachFurtherInterval_onceEach_acrossARestart() throws Exception {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");

        sandbox.clock.advance(Duration.ofMinutes(14));
        assertNoMoreThan(channel, 0);

        sandbox.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        FakeMessage first = awaitReminders(channel, 1).get(0);
        assertThat(first.text()).contains("<@U0LEAD>").contains("SEV1").contains("no update for 15 minutes");
        assertThat(first.blocksJson()).contains(ReminderMessage.POST_UPDATE_ACTION).contains("Post an update")
                .contains(ReminderMessage.SNOOZE_ACTION).contains("Snooze 30 min");
        assertThat(sandbox.get("/metrics").body()).contains("mayday_reminders_sent_total 1.0");

        sandbox.clock.advance(Duration.ofMinutes(10));
        assertNoMoreThan(channel, 1);

        sandbox.restart();
        assertNoMoreThan(channel, 1);
        sandbox.clock.advance(Duration.ofMinutes(4));
        assertNoMoreThan(channel, 1);

        sandbox.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(awaitReminders(channel, 2).get(1).text()).contains("no update for 30 minutes");
        sandbox.restart();
        assertNoMoreThan(channel, 2);
        long incidentId = sandbox.incidentIn(channel).id();
        int stored = sandbox.app.database().read(store -> store.reminders().reminderCount(incidentId));
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void anUpdate_startsTheQuietStretchAgain() {
        String channel = sandbox.declare("U0LEAD", "sev2 Search is slow");
        sandbox.clock.advance(Duration.ofMinutes(20));
        sandbox.command("U0LEAD", channel, "update Rolled back the deploy, watching error rates");

        sandbox.clock.advance(Duration.ofMinutes(20));
        assertNoMoreThan(channel, 0);

        sandbox.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(awaitReminders(channel, 1).get(0).text()).contains("no update for 30 minutes");
    }

    @Test
    void aNoteOrALeadChange_doesNotCountAsAnUpdate() {
        String channel = sandbox.declare("U0LEAD", "sev2 Search is slow");
        sandbox.clock.advance(Duration.ofMinutes(20));
        sandbox.command("U0LEAD", channel, "note Looking at the dashboards");

        sandbox.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        awaitReminders(channel, 1);
    }

    @Test
    void resolving_stopsTheReminders_andADayLater_remindsOnceToClose() {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");
        sandbox.command("U0LEAD", channel, "resolve Failed over to the standby");

        sandbox.clock.advance(Duration.ofHours(23));
        assertNoMoreThan(channel, 0);
        assertThat(closeReminders(channel)).isEmpty();

        sandbox.clock.advance(Duration.ofHours(1).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> closeReminders(channel).size() == 1);
        assertThat(closeReminders(channel).get(0).text()).contains("<@U0LEAD>").contains("/incident close")
                .contains("post-mortem");
        sandbox.clock.advance(Duration.ofHours(5));
        sandbox.restart();
        await().during(QUIET_CHECK).atMost(QUIET_CHECK.plusSeconds(3))
                .untilAsserted(() -> assertThat(closeReminders(channel)).hasSize(1));
        assertNoMoreThan(channel, 0);
    }

    @Test
    void sev4_isNeverReminded() {
        String channel = sandbox.declare("U0LEAD", "sev4 Typo on the status page");
        sandbox.clock.advance(Duration.ofHours(6));
        assertNoMoreThan(channel, 0);
    }

    @Test
    void snooze_holdsRemindersBackFor30Minutes() {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");
        sandbox.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        awaitReminders(channel, 1);
        String incidentId = String.valueOf(sandbox.incidentIn(channel).id());

        assertThat(sandbox.simulator.clickButton("U0LEAD", channel, ReminderMessage.SNOOZE_ACTION, incidentId)
                .status()).isEqualTo(200);
        sandbox.settle();
        assertThat(lastPrivateReply()).contains("No update reminders for this incident until");

        sandbox.clock.advance(Duration.ofMinutes(29));
        assertNoMoreThan(channel, 1);
        sandbox.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        awaitReminders(channel, 2);
    }

    @Test
    void snooze_clickedInAnotherIncidentsChannel_isRefusedPrivately() {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");
        String other = sandbox.declare("U0LEAD", "sev1 Logins failing");
        String incidentId = String.valueOf(sandbox.incidentIn(channel).id());

        sandbox.simulator.clickButton("U0LEAD", other, ReminderMessage.SNOOZE_ACTION, incidentId);
        sandbox.settle();

        assertThat(lastPrivateReply()).contains("not for the incident of this channel");
        int snoozes = sandbox.app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM reminder_snoozes").mapTo(Integer.class).one());
        assertThat(snoozes).isZero();
    }

    @Test
    void postAnUpdate_opensTheForm_whoseSubmissionPostsLikeTheCommand() {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");
        sandbox.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        awaitReminders(channel, 1);
        String incidentId = String.valueOf(sandbox.incidentIn(channel).id());

        sandbox.simulator.clickButton("U0LEAD", channel, ReminderMessage.POST_UPDATE_ACTION, incidentId);
        sandbox.settle();
        SlackCall opened = sandbox.calls("views.open").get(sandbox.calls("views.open").size() - 1);
        assertThat(opened.param("view")).contains("post_update").contains(channel);

        assertThat(sandbox.simulator.submitUpdateForm("U0LEAD", "V0UPDATE", channel, "Failing over to the standby")
                .status()).isEqualTo(200);
        sandbox.settle();

        assertThat(sandbox.timeline(channel)).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.UPDATE_POSTED);
            assertThat(entry.text()).isEqualTo("Failing over to the standby");
        });
        sandbox.clock.advance(Duration.ofMinutes(14));
        assertNoMoreThan(channel, 1);
    }

    @Test
    void theUpdateForm_submittedEmpty_saysWhatIsMissing_andPostsNothing() {
        String channel = sandbox.declare("U0LEAD", "sev1 Payments failing");

        var reply = sandbox.simulator.submitUpdateForm("U0LEAD", "V0EMPTY", channel, "  ");

        assertThat(reply.body()).contains("response_action").contains("Write the update first");
        assertThat(sandbox.timeline(channel)).noneMatch(e -> e.kind() == TimelineKind.UPDATE_POSTED);
    }

    private void assertNoMoreThan(String channel, int count) {
        await().during(QUIET_CHECK).atMost(QUIET_CHECK.plusSeconds(3))
                .untilAsserted(() -> assertThat(reminders(channel)).hasSize(count));
    }

    private List<FakeMessage> awaitReminders(String channel, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> reminders(channel).size() >= count);
        List<FakeMessage> found = reminders(channel);
        assertThat(found).hasSize(count);
        return found;
    }

    private List<FakeMessage> reminders(String channel) {
        return sandbox.slack.messages(channel).stream()
                .filter(m -> m.blocksJson() != null && m.blocksJson().contains(ReminderMessage.POST_UPDATE_ACTION))
                .toList();
    }

    private List<FakeMessage> closeReminders(String channel) {
        return sandbox.slack.messages(channel).stream().filter(m -> m.text().contains("resolved more than a day ago"))
                .toList();
    }

    private String lastPrivateReply() {
        List<SlackCall> replies = sandbox.calls("response_url");
        SlackCall last = replies.get(replies.size() - 1);
        assertThat(last.param("response_type")).isEqualTo("ephemeral");
        return last.param("text");
    }
}
