package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.BlockKitText;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.views.IncidentCard;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCommandsTest {

    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    String channel;

    @BeforeEach
    void declare() {
        sandbox = sandboxes.start(Sandbox::start);
        channel = sandbox.declare(ALEX, "sev2 Checkout is down");
    }

    private String card() {
        FakeMessage card = sandbox.slack.messages(channel).get(0);
        return BlockKitText.render(card.blocksJson(), card.text());
    }

    private List<String> channelLines() {
        return sandbox.slack.messages(channel).stream().skip(1).map(FakeMessage::text).toList();
    }

    private TimelineEntry lastEntry() {
        List<TimelineEntry> timeline = sandbox.timeline(channel);
        return timeline.get(timeline.size() - 1);
    }

    @Test
    void sev_changesSeverityUpdatesCardTopicAndAnnouncement() {
        SlackReply reply = sandbox.command(ALEX, channel, "sev 1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEmpty();
        assertThat(sandbox.incidentIn(channel).severity()).isEqualTo(Severity.SEV1);
        assertThat(card()).contains("SEV1").doesNotContain("SEV2");
        assertThat(sandbox.calls("chat.update")).anySatisfy(call -> {
            assertThat(call.param("channel")).isEqualTo(channel);
            assertThat(call.param("ts")).isEqualTo(sandbox.incidentIn(channel).place().cardTs());
        });
        assertThat(sandbox.slack.channel(channel).orElseThrow().topic()).startsWith("SEV1 · Investigating");
        assertThat(sandbox.slack.messages(sandbox.announceChannel).get(0).text()).contains("SEV1");
        assertThat(channelLines()).singleElement().asString().contains("<@U0ALEX> changed the severity: SEV2 → SEV1");
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.SEVERITY_CHANGED);
            assertThat(e.actor()).isEqualTo(ALEX);
            assertThat(e.text()).isEqualTo("SEV2 → SEV1");
        });
    }

    @Test
    void status_movesStatusAndRecordsIt() {
        sandbox.command(ALEX, channel, "status identified");

        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.IDENTIFIED);
        assertThat(card()).contains("Identified");
        assertThat(lastEntry().text()).isEqualTo("Investigating → Identified");
    }

    @Test
    void update_postsTheUpdateInTheChannelAndOnTheTimeline() {
        sandbox.command(ALEX, channel, "update Rolled back deploy 4812");

        assertThat(channelLines()).singleElement().asString().contains("Status update").contains("Rolled back deploy 4812");
        assertThat(lastEntry().kind()).isEqualTo(TimelineKind.UPDATE_POSTED);
        assertThat(lastEntry().text()).isEqualTo("Rolled back deploy 4812");
    }

    @Test
    void note_addsANoteToTheTimeline_andLeavesTheCardAlone() {
        int cardUpdates = sandbox.calls("chat.update").size();

        sandbox.command(SAM, channel, "note Cache warm-up took 6 minutes");

        assertThat(lastEntry().kind()).isEqualTo(TimelineKind.NOTE_ADDED);
        assertThat(lastEntry().actor()).isEqualTo(SAM);
        assertThat(channelLines()).singleElement().asString().contains("Cache warm-up took 6 minutes");
        // the card shows nothing a note changes: no chat.update for it
        assertThat(sandbox.calls("chat.update")).hasSize(cardUpdates);
    }

    @Test
    void lead_handsOverInvitesTheNewLeadAndUpdatesTheCard() {
        sandbox.command(ALEX, channel, "lead <@U0SAM|sam>");

        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo(SAM);
        assertThat(sandbox.slack.channel(channel).orElseThrow().members()).contains(SAM);
        assertThat(sandbox.calls("conversations.invite")).anySatisfy(call -> assertThat(call.param("users")).contains(SAM));
        assertThat(card()).contains("<@U0SAM>");
        assertThat(lastEntry().kind()).isEqualTo(TimelineKind.LEAD_CHANGED);
    }

    @Test
    void lead_withoutAMention_asksForOneAndChangesNothing() {
        SlackReply reply = sandbox.command(ALEX, channel, "lead sam");

        assertThat(reply.text()).contains("Mention the new lead");
        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo(ALEX);
    }

    @Test
    void resolveThenClose_recordTimesSummaryAndFinalCard() {
        sandbox.clock.advance(Duration.ofMinutes(40));
        sandbox.command(ALEX, channel, "resolve Rolled back; fix in PR 4813");
        Incident resolved = sandbox.incidentIn(channel);
        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolved.times().resolvedAt()).isEqualTo(Sandbox.START.plus(Duration.ofMinutes(40)));
        assertThat(resolved.resolution()).isEqualTo("Rolled back; fix in PR 4813");
        assertThat(card()).contains("Resolved").contains("Rolled back; fix in PR 4813").contains("[Close]");

        sandbox.clock.advance(Duration.ofMinutes(5));
        sandbox.command(ALEX, channel, "close");
        Incident closed = sandbox.incidentIn(channel);
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.times().closedAt()).isEqualTo(Sandbox.START.plus(Duration.ofMinutes(45)));
        assertThat(card()).contains("Closed").doesNotContain("[Close]").doesNotContain("[Resolve]");
        assertThat(sandbox.timeline(channel)).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.DECLARED, TimelineKind.RESOLVED, TimelineKind.CLOSED);
    }

    @Test
    void acknowledged_isTheFirstActionOfTheLead() {
        sandbox.clock.advance(Duration.ofMinutes(2));
        sandbox.command(SAM, channel, "note I'm looking at the load balancer");
        assertThat(sandbox.incidentIn(channel).times().acknowledgedAt()).isNull();

        sandbox.clock.advance(Duration.ofMinutes(3));
        sandbox.command(ALEX, channel, "status identified");
        sandbox.clock.advance(Duration.ofMinutes(3));
        sandbox.command(ALEX, channel, "update still on it");

        assertThat(sandbox.incidentIn(channel).times().acknowledgedAt()).isEqualTo(Sandbox.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void close_beforeResolve_isRefusedAndChangesNothing() {
        int slackCallsBefore = sandbox.slack.calls().size();
        SlackReply reply = sandbox.command(ALEX, channel, "close");

        assertThat(reply.text()).contains("Resolve the incident first");
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(sandbox.timeline(channel)).hasSize(1);
        assertThat(sandbox.slack.calls()).hasSize(slackCallsBefore);
    }

    @Test
    void illegalArguments_getHelpfulAnswersAndChangeNothing() {
        assertThat(sandbox.command(ALEX, channel, "sev 9").text()).contains("`9` is not a severity");
        assertThat(sandbox.command(ALEX, channel, "sev").text()).contains("is not a severity");
        assertThat(sandbox.command(ALEX, channel, "status fixed").text()).contains("`fixed` is not a status");
        assertThat(sandbox.command(ALEX, channel, "status resolved").text()).contains("/incident resolve");
        assertThat(sandbox.command(ALEX, channel, "status investigating").text()).contains("already investigating");
        assertThat(sandbox.command(ALEX, channel, "sev 2").text()).contains("already SEV2");
        assertThat(sandbox.command(ALEX, channel, "update").text()).contains("The update is empty");

        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        assertThat(incident.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(incident.times().acknowledgedAt()).isNull();
        assertThat(sandbox.timeline(channel)).hasSize(1);
    }

    @Test
    void commandsOutsideAnIncidentChannel_sayWhereToRunThem() {
        for (String command : List.of("sev 1", "status identified", "update hi", "lead <@U0SAM>", "note x", "resolve", "close")) {
            SlackReply reply = sandbox.command(ALEX, sandbox.generalChannel, command);
            assertThat(reply.text()).as(command).contains("This is not an incident channel");
        }
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(sandbox.timeline(channel)).hasSize(1);
    }

    @Test
    void unknownSubcommand_andHelp_listTheCommands() {
        assertThat(sandbox.command(ALEX, channel, "frobnicate now").text())
                .contains("I don't know `/incident frobnicate`").contains("/incident resolve");
        assertThat(sandbox.command(ALEX, channel, "help").text())
                .contains("/incident declare").contains("/incident lead").contains("/incident close");
    }

    @Test
    void statusSelectOnTheCard_doesWhatTheCommandDoes() {
        SlackReply reply = sandbox.simulator.selectStatus(SAM, channel, "monitoring");
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.MONITORING);
        assertThat(lastEntry().actor()).isEqualTo(SAM);
        assertThat(card()).contains("Monitoring");
    }

    @Test
    void resolveAndCloseButtons_doWhatTheCommandsDo() {
        sandbox.simulator.clickButton(ALEX, channel, IncidentCard.RESOLVE_ACTION);
        sandbox.settle();
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.RESOLVED);

        sandbox.simulator.clickButton(ALEX, channel, IncidentCard.CLOSE_ACTION);
        sandbox.settle();
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void buttonThatBreaksARule_answersPrivatelyAndChangesNothing() {
        sandbox.simulator.clickButton(ALEX, channel, IncidentCard.CLOSE_ACTION);
        sandbox.settle();

        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(Status.INVESTIGATING);
        List<SlackCall> replies = sandbox.calls("response_url");
        assertThat(replies.get(replies.size() - 1)).satisfies(call -> {
            assertThat(call.param("text")).contains("Resolve the incident first");
            assertThat(call.param("response_type")).isEqualTo("ephemeral");
        });
    }

    @Test
    void addToTimelineShortcut_storesTheMessageOnce() {
        sandbox.simulator.addToTimeline(SAM, channel, "1773480000.000100", ALEX, "p99 is back under 300 ms");
        sandbox.simulator.addToTimeline(SAM, channel, "1773480000.000100", ALEX, "p99 is back under 300 ms");
        sandbox.settle();

        List<TimelineEntry> pinned = sandbox.timeline(channel).stream()
                .filter(e -> e.kind() == TimelineKind.PINNED).toList();
        assertThat(pinned).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("p99 is back under 300 ms");
            assertThat(e.actor()).isEqualTo(ALEX);
            assertThat(e.slackTs()).isEqualTo("1773480000.000100");
        });
        assertThat(sandbox.calls("response_url")).extracting(c -> c.param("text"))
                .contains(":pushpin: Added to the incident timeline.", "That message is already on the timeline.");
    }

    @Test
    void addToTimelineShortcut_outsideAnIncidentChannel_explains() {
        sandbox.simulator.addToTimeline(SAM, sandbox.generalChannel, "1773480000.000300", ALEX, "lunch?");
        sandbox.settle();

        List<SlackCall> replies = sandbox.calls("response_url");
        assertThat(replies.get(replies.size() - 1).param("text")).contains("This is not an incident channel");
    }
}
