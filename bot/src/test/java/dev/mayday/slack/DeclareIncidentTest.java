package dev.mayday.slack;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.BlockKitText;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
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

class DeclareIncidentTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void declarePrivate_byCommand_opensAPrivateChannel_andAnnouncesNothing() {
        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel,
                "declare --private sev1 Payroll export leaked");
        sandbox.settle();

        assertThat(reply.text()).contains("Declaring incident #1").contains("SEV1, private");
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.isPrivate()).isTrue();
        assertThat(incident.title()).isEqualTo("Payroll export leaked");
        assertThat(sandbox.slack.channel(incident.place().channelId()).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).isEmpty();
    }

    @Test
    void declare_withAMistypedOption_answersPrivately_andDeclaresNothing() {
        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel,
                "declare --privte Payroll export leaked");
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("`--privte` is not an option").contains("--private");
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void declare_createsChannelSetsTopicInvitesPostsCardAndAnnounces() {
        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev2 Checkout is down");
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Declaring incident #1").contains("Checkout is down");
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        assertThat(incident.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(incident.lead()).isEqualTo("U0ALEX");
        assertThat(incident.times().declaredAt()).isEqualTo(Sandbox.START);

        FakeChannel channel = sandbox.slack.channel(incident.place().channelId()).orElseThrow();
        assertThat(channel.name()).isEqualTo("inc-20260314-checkout-is-down");
        assertThat(channel.isPrivate()).isFalse();
        assertThat(incident.place().channelName()).isEqualTo(channel.name());
        assertThat(channel.topic()).contains("SEV2").contains("Investigating").contains("<@U0ALEX>");
        assertThat(channel.members()).contains("U0ALEX");

        List<FakeMessage> messages = sandbox.slack.messages(channel.id());
        assertThat(messages).hasSize(1);
        FakeMessage card = messages.get(0);
        assertThat(card.ts()).isEqualTo(incident.place().cardTs());
        assertThat(BlockKitText.render(card.blocksJson(), card.text()))
                .contains("Incident #1: Checkout is down").contains("SEV2").contains("Investigating")
                .contains("<@U0ALEX>").contains("[Resolve]").contains("Set status");

        List<FakeMessage> announcements = sandbox.slack.messages(sandbox.announceChannel);
        assertThat(announcements).hasSize(1);
        assertThat(announcements.get(0).text()).contains("Checkout is down").contains("<#" + channel.id() + ">");
        assertThat(incident.place().announcementTs()).isEqualTo(announcements.get(0).ts());

        assertThat(sandbox.calls("response_url")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).contains("is live in <#" + channel.id() + ">"));
        assertThat(sandbox.timeline(channel.id())).extracting(e -> e.kind()).containsExactly(TimelineKind.DECLARED);
    }

    @Test
    void declare_withoutSeverity_defaultsToSev3() {
        String channel = sandbox.declare("U0ALEX", "Search results are stale");
        assertThat(sandbox.incidentIn(channel).severity()).isEqualTo(Severity.SEV3);
        assertThat(sandbox.incidentIn(channel).title()).isEqualTo("Search results are stale");
    }

    @Test
    void declare_withTitleStartingLikeASeverityWord_keepsItInTheTitle() {
        String channel = sandbox.declare("U0ALEX", "Severe latency in EU");
        assertThat(sandbox.incidentIn(channel).title()).isEqualTo("Severe latency in EU");
        assertThat(sandbox.incidentIn(channel).severity()).isEqualTo(Severity.SEV3);
    }

    @Test
    void declare_whenAcked_hasNotWaitedForSlack() {
        sandbox.slack.enqueue("conversations.create", FakeAnswer.delayed(Duration.ofSeconds(3)));

        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev1 Payments failing");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.incidents()).singleElement()
                .satisfies(incident -> assertThat(incident.place().channelId()).as("channel not yet created at ack").isNull());
        sandbox.settle();
        assertThat(sandbox.incidents().get(0).place().channelId()).isNotNull();
    }

    @Test
    void declare_withTakenName_addsSuffix() {
        sandbox.slack.createChannelDirectly("inc-20260314-db-failover", false, "U0SOMEONE");
        sandbox.slack.createChannelDirectly("inc-20260314-db-failover-2", false, "U0SOMEONE");

        String channel = sandbox.declare("U0ALEX", "sev2 DB failover");

        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-20260314-db-failover-3");
        assertThat(sandbox.calls("conversations.create")).extracting(c -> c.param("name"))
                .containsExactly("inc-20260314-db-failover", "inc-20260314-db-failover-2", "inc-20260314-db-failover-3");
    }

    @Test
    void declare_withEmojiOnlyTitle_getsValidName() {
        String channel = sandbox.declare("U0ALEX", "🔥🔥🔥 !!!");
        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-20260314-incident-1");
        assertThat(sandbox.incidentIn(channel).title()).isEqualTo("🔥🔥🔥 !!!");
    }

    @Test
    void declare_withLongAccentedTitle_getsNameWithin80Characters() {
        String title = "Café checkout: Zürich & São Paulo users see errors when paying with saved cards on mobile";
        String channel = sandbox.declare("U0ALEX", title);
        String name = sandbox.incidentIn(channel).place().channelName();
        assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9_-]+").startsWith("inc-20260314-cafe-checkout-zurich-sao-paulo");
        assertThat(name).doesNotEndWith("-");
    }

    @Test
    void declare_whenCreateFailsAmbiguouslyButChannelExists_adoptsItInsteadOfCreatingASecond() {
        FakeChannel alreadyMade = sandbox.slack.createChannelDirectly("inc-20260314-queue-backlog", false,
                sandbox.slack.botUserId());
        sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("fatal_error"));

        String channel = sandbox.declare("U0ALEX", "Queue backlog");

        assertThat(channel).isEqualTo(alreadyMade.id());
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
        assertThat(sandbox.calls("conversations.list")).isNotEmpty();
    }

    @Test
    void declare_whenCreateFailsAmbiguouslyAndNoChannelExists_createsAgain() {
        sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("fatal_error"));

        String channel = sandbox.declare("U0ALEX", "Queue backlog");

        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-20260314-queue-backlog");
        assertThat(sandbox.calls("conversations.create")).hasSize(2);
    }

    @Test
    void declare_whenSlackRefusesTheChannel_keepsTheIncidentTellsTheDeclarerAndKeepsTrying() {
        sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("restricted_action"));

        sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev2 Login broken");

        await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.calls("response_url").isEmpty());
        assertThat(sandbox.incidents()).singleElement().satisfies(i -> assertThat(i.place().channelId()).isNull());
        assertThat(sandbox.calls("response_url")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).contains("Incident #1 is saved").contains("restricted_action")
                        .contains("keeps trying"));
        // the set-up is not given up: it waits, minutes apart, for Slack to allow the channel
        List<OutboxRow> rows = sandbox.app.database().read(store -> store.outbox().forIncident(1));
        assertThat(rows).filteredOn(row -> row.type().equals("ChannelSetUp")).singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(OutboxRow.PENDING));
    }

    @Test
    void declare_withoutTitle_answersHowToAndStoresNothing() {
        SlackReply reply = sandbox.command("U0ALEX", sandbox.generalChannel, "declare sev2");

        assertThat(reply.text()).contains("needs a title");
        assertThat(sandbox.incidents()).isEmpty();
        assertThat(sandbox.calls("conversations.create")).isEmpty();
    }

    @Test
    void declare_withUnknownSeverity_answersAndStoresNothing() {
        SlackReply reply = sandbox.command("U0ALEX", sandbox.generalChannel, "declare sev9 Everything");

        assertThat(reply.text()).contains("`sev9` is not a severity");
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void declare_deliveredTwiceWithTheSameTrigger_makesOneIncidentAndOneChannel() {
        sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev2 API down", "trigger-same");
        SlackReply second = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev2 API down", "trigger-same");
        sandbox.settle();

        assertThat(second.text()).contains("already declared as incident #1");
        assertThat(sandbox.incidents()).hasSize(1);
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
        List<SlackCall> cards = sandbox.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").equals(sandbox.incidents().get(0).place().channelId())).toList();
        assertThat(cards).hasSize(1);
    }

    @Test
    void incidentAlone_opensTheDeclareForm() {
        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "", "trigger-form");
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.calls("views.open")).singleElement().satisfies(call -> {
            assertThat(call.param("trigger_id")).isEqualTo("trigger-form");
            assertThat(call.param("view")).contains("\"callback_id\":\"declare_incident\"")
                    .contains("\"private_metadata\":\"" + sandbox.generalChannel + "\"")
                    .contains("SEV1").contains("Summary").contains("Private");
        });
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void declareForm_submitted_declaresWithSummaryAndSeverity() {
        SlackReply reply = sandbox.simulator.submitDeclareForm("U0ALEX", "V100", sandbox.generalChannel,
                "Mobile push delayed", "SEV1", "iOS pushes arrive 20 min late", false);
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.severity()).isEqualTo(Severity.SEV1);
        assertThat(incident.summary()).isEqualTo("iOS pushes arrive 20 min late");
        assertThat(incident.place().channelName()).isEqualTo("inc-20260314-mobile-push-delayed");
        FakeMessage card = sandbox.slack.messages(incident.place().channelId()).get(0);
        assertThat(BlockKitText.render(card.blocksJson(), card.text())).contains("iOS pushes arrive 20 min late");
        assertThat(sandbox.calls("chat.postMessage")).anySatisfy(call -> {
            assertThat(call.param("channel")).isEqualTo("U0ALEX");
            assertThat(call.param("text")).contains("is live in <#" + incident.place().channelId() + ">");
        });
    }

    @Test
    void declareForm_submittedTwice_declaresOnce() {
        sandbox.simulator.submitDeclareForm("U0ALEX", "V200", sandbox.generalChannel, "Disk full", "SEV2", null, false);
        sandbox.simulator.submitDeclareForm("U0ALEX", "V200", sandbox.generalChannel, "Disk full", "SEV2", null, false);
        sandbox.settle();

        assertThat(sandbox.incidents()).hasSize(1);
        assertThat(sandbox.calls("conversations.create")).hasSize(1);
    }

    @Test
    void declareForm_withBlankTitle_showsTheErrorOnTheField() {
        SlackReply reply = sandbox.simulator.submitDeclareForm("U0ALEX", "V300", sandbox.generalChannel, "  ", "SEV2",
                null, false);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("\"response_action\":\"errors\"").contains("\"title\"");
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void declareForm_private_createsPrivateChannelAndIsNeverAnnounced() {
        sandbox.simulator.submitDeclareForm("U0ALEX", "V400", sandbox.generalChannel, "Suspicious admin logins",
                "SEV1", null, true);
        sandbox.settle();

        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.isPrivate()).isTrue();
        assertThat(sandbox.slack.channel(incident.place().channelId()).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.calls("conversations.create")).singleElement()
                .satisfies(call -> assertThat(call.param("is_private")).isIn("1", "true"));
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).isEmpty();
        assertThat(sandbox.slack.calls())
                .filteredOn(call -> call.method().startsWith("chat."))
                .filteredOn(call -> !incident.place().channelId().equals(call.param("channel")) && !"U0ALEX".equals(call.param("channel")))
                .allSatisfy(call -> assertThat(String.valueOf(call.params())).doesNotContain("Suspicious admin logins"));
    }
}
