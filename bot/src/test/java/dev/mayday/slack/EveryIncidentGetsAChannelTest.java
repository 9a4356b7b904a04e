package dev.mayday.slack;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.slack.delivery.ChannelNames;
import dev.mayday.support.FastClock;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, finding 3: no incident is left without a channel. The names run out of numbered suffixes for a flapping
 * alert, and Slack may refuse a channel for a while; neither ends the set-up.
 */
class EveryIncidentGetsAChannelTest {

    private static final String BASE = "inc-20260314-high-cpu-on-web-1";
    private static final String ALEX = "U0ALEX";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @Test
    void hundredIncidentsWithOneTitle_getAHundredChannelsOfTheirOwnPrivacy() throws Exception {
        sandbox = sandboxes.start(Sandbox::start);
        for (int i = 1; i <= 100; i++) {
            int status = i % 4 == 0
                    ? sandbox.simulator.submitDeclareForm(ALEX, "V-storm-" + i, sandbox.generalChannel, "High CPU on web-1",
                    "SEV3", null, true).status()
                    : sandbox.simulator.command(ALEX, sandbox.generalChannel, "declare sev3 High CPU on web-1").status();
            assertThat(status).isEqualTo(200);
        }
        assertThat(sandbox.app.awaitSlackWork(90, TimeUnit.SECONDS)).as("Slack work finished").isTrue();

        List<Incident> incidents = sandbox.incidents();
        assertThat(incidents).hasSize(100).allSatisfy(incident -> {
            assertThat(incident.place().channelId()).as("channel of #%d", incident.id()).isNotNull();
            FakeChannel channel = sandbox.slack.channel(incident.place().channelId()).orElseThrow();
            assertThat(channel.isPrivate()).as("privacy of #%s", channel.name()).isEqualTo(incident.isPrivate());
            assertThat(channel.name()).as("name of incident #%d", incident.id())
                    .matches(BASE + "(-[2-5])?|inc-" + incident.id() + "-high-cpu-on-web-1");
        });
        assertThat(incidents.stream().map(i -> i.place().channelId()).distinct()).hasSize(100);
        assertThat(incidents).filteredOn(i -> i.place().channelName().startsWith(BASE)).hasSize(ChannelNames.NUMBERED_TRIES);
        assertThat(sandbox.slack.channels()).filteredOn(c -> c.name().contains("high-cpu-on-web-1")).hasSize(100);
        for (Incident incident : incidents) {
            List<OutboxRow> rows = sandbox.app.database().read(store -> store.outbox().forIncident(incident.id()));
            assertThat(rows).extracting(OutboxRow::state).containsOnly(OutboxRow.DONE);
        }
    }

    @Test
    void everyNameTakenOutsideMayday_goesOnPastTheIncidentNumberName() {
        sandbox = sandboxes.start(Sandbox::start);
        for (String name : List.of("inc-20260314-db-failover", "inc-20260314-db-failover-2", "inc-20260314-db-failover-3",
                "inc-20260314-db-failover-4", "inc-20260314-db-failover-5", "inc-1-db-failover")) {
            sandbox.slack.createChannelDirectly(name, false, "U0SOMEONE");
        }

        String channel = sandbox.declare(ALEX, "sev2 DB failover");

        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-1-db-failover-2");
    }

    @Test
    void privateChannelMadeButItsAnswerLost_isAdoptedByTheRetryNotMadeTwice() {
        sandbox = sandboxes.start(Sandbox::start);
        sandbox.slack.enqueue("conversations.create", FakeAnswer.actedThenFailed(500));

        sandbox.simulator.submitDeclareForm(ALEX, "V-lost", sandbox.generalChannel, "Token leak", "SEV2", null, true);
        sandbox.settle();

        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.place().channelName()).isEqualTo("inc-20260314-token-leak");
        assertThat(sandbox.slack.channel(incident.place().channelId()).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.slack.channels()).filteredOn(c -> c.name().contains("token-leak")).hasSize(1);
        assertThat(sandbox.calls("conversations.create")).hasSize(2);
    }

    @Test
    void channelTheBotMadeWithTheOtherPrivacy_isNotAdopted() {
        sandbox = sandboxes.start(Sandbox::start);
        FakeChannel privateOne = sandbox.slack.createChannelDirectly("inc-20260314-queue-backlog", true,
                sandbox.slack.botUserId());

        String channel = sandbox.declare(ALEX, "Queue backlog");

        assertThat(channel).isNotEqualTo(privateOne.id());
        assertThat(sandbox.slack.channel(channel).orElseThrow().isPrivate()).isFalse();
        assertThat(sandbox.incidentIn(channel).place().channelName()).isEqualTo("inc-20260314-queue-backlog-2");
        assertThat(privateOne.members()).doesNotContain(ALEX);
    }

    @Test
    void slackRefusesThePublicChannelForAWhile_saysSoOnceInIncidentsChannel_andTheChannelArrivesWhenItHeals() {
        FastClock wall = new FastClock(120);
        sandbox = sandboxes.start(dir -> Sandbox.startOnWallClock(dir, wall));
        for (int i = 0; i < 3; i++) {
            sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("restricted_action"));
        }

        assertThat(sandbox.simulator.command(ALEX, sandbox.generalChannel, "declare sev2 Login broken").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.incidents().get(0).place().channelId() != null);
        sandbox.settle();
        Incident incident = sandbox.incidents().get(0);
        assertThat(sandbox.calls("conversations.create")).hasSize(4);
        List<String> announced = sandbox.slack.messages(sandbox.announceChannel).stream().map(FakeMessage::text).toList();
        assertThat(announced).filteredOn(t -> t.contains("has no channel yet")).singleElement()
                .satisfies(t -> assertThat(t).contains("Incident #1").contains("SEV2").contains("restricted_action")
                        .doesNotContain("Login broken"));
        assertThat(announced).filteredOn(t -> t.contains("<#" + incident.place().channelId() + ">")).hasSize(1);
        assertThat(sandbox.slack.messages(incident.place().channelId())).isNotEmpty();
        assertThat(sandbox.calls("response_url")).extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Incident #1 is saved").contains("restricted_action"))
                .anySatisfy(t -> assertThat(t).contains("is live in <#" + incident.place().channelId() + ">"));
    }

    @Test
    void slackRefusesAPrivateChannelForAWhile_tellsOnlyTheDeclarerOnce_andTheChannelArrivesWhenItHeals() {
        FastClock wall = new FastClock(120);
        sandbox = sandboxes.start(dir -> Sandbox.startOnWallClock(dir, wall));
        for (int i = 0; i < 3; i++) {
            sandbox.slack.enqueue("conversations.create", FakeAnswer.slackError("missing_scope"));
        }

        sandbox.simulator.submitDeclareForm(ALEX, "V-private", sandbox.generalChannel, "Suspicious admin logins", "SEV1",
                null, true);

        await().atMost(Duration.ofSeconds(60)).until(() -> !sandbox.incidents().isEmpty()
                && sandbox.incidents().get(0).place().channelId() != null);
        sandbox.settle();
        Incident incident = sandbox.incidents().get(0);
        assertThat(sandbox.slack.channel(incident.place().channelId()).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.slack.messages(ALEX)).extracting(FakeMessage::text)
                .filteredOn(t -> t.contains("has no channel yet")).singleElement()
                .satisfies(t -> assertThat(t).contains("missing_scope").contains("you will be invited"));
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).isEmpty();
    }
}
