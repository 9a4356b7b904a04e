package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.BlockKitText;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation end to end: the real server, a fake Slack and a roster in the store.
 */
class DutyRotationSandboxTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    DutyService duty;
    ExecutorService pool;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
        duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void declare_withARoster_thePickedMemberLeads_isInvited_andTheCardShowsLeadResponderAndWhy() {
        duty.join("U0ENG", MemberKind.ENGINEER);
        duty.join("U0MGR", MemberKind.MANAGER);

        String channel = sandbox.declare("U0ALEX", "sev2 Checkout is down");

        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.people().declaredBy()).isEqualTo("U0ALEX");
        assertThat(incident.lead()).isEqualTo("U0ENG");
        assertThat(incident.people().responder()).isEqualTo("U0MGR");
        List<String> invited = sandbox.calls("conversations.invite").stream()
                .filter(call -> channel.equals(call.param("channel"))).map(call -> call.param("users")).toList();
        assertThat(String.join(",", invited)).contains("U0ALEX").contains("U0ENG").contains("U0MGR");
        FakeMessage card = sandbox.slack.messages(channel).get(0);
        assertThat(BlockKitText.render(card.blocksJson(), card.text()))
                .contains("Lead").contains("<@U0ENG>")
                .contains("Responder").contains("<@U0MGR>")
                .contains("Picked by rotation: the first incident on record");
    }

    @Test
    void twoDeclarationsRacing_getDifferentLeads() throws Exception {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.join("U0BEN", MemberKind.ENGINEER);
        duty.join("U0MIA", MemberKind.MANAGER);
        pool = Executors.newFixedThreadPool(2);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<SlackReply>> replies = new ArrayList<>();
        for (String declarer : List.of("U0ALEX", "U0SAM")) {
            replies.add(pool.submit(() -> {
                gate.await();
                return sandbox.simulator.command(declarer, sandbox.generalChannel, "declare sev3 Race by " + declarer);
            }));
        }
        gate.countDown();
        for (Future<SlackReply> reply : replies) {
            assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        sandbox.settle();

        List<Incident> incidents = sandbox.incidents();
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).lead()).isNotEqualTo(incidents.get(1).lead());
        assertThat(incidents).allSatisfy(i -> assertThat(i.lead()).isIn("U0ANA", "U0BEN", "U0MIA"));
        List<SlackCall> invites = sandbox.calls("conversations.invite");
        for (Incident incident : incidents) {
            assertThat(invites).anySatisfy(call -> {
                assertThat(call.param("channel")).isEqualTo(incident.place().channelId());
                assertThat(call.param("users")).contains(incident.lead());
            });
        }
    }
}
