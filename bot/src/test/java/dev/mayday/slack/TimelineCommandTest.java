package dev.mayday.slack;

import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /incident timeline}: the key events, in order, in the team's zone (the sandbox's is Europe/Berlin). */
class TimelineCommandTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    SlackSimulator slack;
    String channel;

    @BeforeEach
    void declare() {
        sandbox = sandboxes.start(Sandbox::start);
        slack = sandbox.simulator;
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
    }

    private static String tsAfter(Duration sinceStart) {
        return SlackSimulator.ts(Sandbox.START.plus(sinceStart));
    }

    @Test
    void timeline_listsKeyEventsInOrder_inTheTeamsZone_withoutChatterOrDeletedPins() {
        // 09:30Z declared = 10:30 in Berlin (CET)
        sandbox.clock.advance(Duration.ofMinutes(5));
        sandbox.command(ALEX, channel, "status identified");
        String pinned = tsAfter(Duration.ofMinutes(7));
        String chatter = tsAfter(Duration.ofMinutes(8));
        String unpinned = tsAfter(Duration.ofMinutes(9));
        slack.deliver(slack.message(SAM, channel, pinned, "Rolled back deploy 4812"));
        slack.deliver(slack.message(SAM, channel, chatter, "brb coffee"));
        slack.deliver(slack.message(SAM, channel, unpinned, "Maybe it is DNS"));
        slack.deliver(slack.reactionAdded(ALEX, "pushpin", channel, pinned, SAM));
        slack.deliver(slack.reactionAdded(ALEX, "pushpin", channel, unpinned, SAM));
        slack.deliver(slack.reactionRemoved(ALEX, "pushpin", channel, unpinned, SAM));
        // 14:10Z = 15:10 Berlin the same day; 23:20Z = 00:20 Berlin the next day (still the 14th in UTC)
        sandbox.clock.advance(Duration.ofMinutes(275));
        sandbox.command(ALEX, channel, "note Cache warm-up took 6 minutes");
        sandbox.clock.advance(Duration.ofMinutes(550));
        sandbox.command(ALEX, channel, "resolve Rolled back");

        SlackReply reply = sandbox.command(SAM, channel, "timeline");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("in_channel");
        assertThat(reply.text().lines().toList()).containsExactly(
                "*Key events of incident #1: Checkout is down* (times in Europe/Berlin)",
                "`2026-03-14 10:30` <@U0ALEX> declared SEV2 Checkout is down",
                "`10:35` <@U0ALEX> moved the status: Investigating → Identified",
                "`10:37` <@U0SAM> :pushpin: Rolled back deploy 4812",
                "`15:10` <@U0ALEX> noted: Cache warm-up took 6 minutes",
                "`2026-03-15 00:20` <@U0ALEX> resolved the incident: Rolled back");
    }

    @Test
    void timeline_leavesOutAPinnedMessageThatWasDeleted() {
        String ts = tsAfter(Duration.ofMinutes(7));
        slack.deliver(slack.message(SAM, channel, ts, "the root password is hunter2"));
        slack.deliver(slack.reactionAdded(ALEX, "pushpin", channel, ts, SAM));
        assertThat(sandbox.command(SAM, channel, "timeline").text()).contains("hunter2");

        slack.deliver(slack.messageDeleted(SAM, channel, ts, "the root password is hunter2", tsAfter(Duration.ofMinutes(8))));

        assertThat(sandbox.command(SAM, channel, "timeline").text()).doesNotContain("hunter2").contains("declared");
    }

    @Test
    void timeline_outsideAnIncidentChannel_saysWhereToRunIt() {
        SlackReply reply = sandbox.command(SAM, sandbox.generalChannel, "timeline");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("This is not an incident channel").contains("/incident timeline");
    }

    @Test
    void help_mentionsTheTimeline() {
        assertThat(sandbox.command(SAM, channel, "help").text()).contains("/incident timeline");
    }
}
