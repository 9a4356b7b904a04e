package dev.mayday.slack;

import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who changed whose place on the duty roster, end to end: the real server, signed slash commands, the fake Slack.
 * A person changed by somebody else is told by direct message ({@code chat.postMessage} to their user id); with
 * {@code DUTY_ADMINS} set, only its users and the members of its user group may change someone else.
 */
class RosterAccountabilityTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    private List<SlackCall> directMessagesTo(String user) {
        return sandbox.calls("chat.postMessage").stream().filter(call -> user.equals(call.param("channel"))).toList();
    }

    private SlackReply duty(String user, String args) {
        return sandbox.command(user, sandbox.generalChannel, "duty " + args);
    }

    @Test
    void aChangeBySomeoneElse_sendsThePersonOneDirectMessageSayingWhoDidWhat_andNoneForYourOwn() {
        sandbox = sandboxes.start(Sandbox::start);

        duty("U0ALEX", "join");
        duty("U0ALEX", "away me 2026-03-20 2026-03-21");
        duty("U0ALEX", "back me");
        duty("U0ALEX", "add <@U0KIM|kim> engineer");
        duty("U0ALEX", "away <@U0KIM> 2026-03-20 2026-03-22");
        duty("U0ALEX", "remove <@U0KIM>");

        assertThat(directMessagesTo("U0ALEX")).as("nobody is told of their own change").isEmpty();
        List<String> told = directMessagesTo("U0KIM").stream().map(call -> call.param("text")).toList();
        assertThat(told).hasSize(3);
        assertThat(told.get(0)).startsWith(":clipboard: <@U0ALEX> put you on the duty roster as an engineer");
        assertThat(told.get(1)).startsWith(":palm_tree: <@U0ALEX> marked you away from 2026-03-20 to 2026-03-22");
        assertThat(told.get(2)).startsWith(":clipboard: <@U0ALEX> took you off the duty roster");
        assertThat(sandbox.slack.messages("U0KIM")).as("delivered, each once").hasSize(3);
        assertThat(duty("U0KIM", "list --history").text())
                .contains("<@U0ALEX> removed <@U0KIM>")
                .contains("<@U0ALEX> marked <@U0KIM> away from 2026-03-20 to 2026-03-22")
                .contains("<@U0ALEX> added <@U0KIM> as an engineer")
                .contains("<@U0ALEX> is back")
                .contains("<@U0ALEX> joined as an engineer");
    }

    @Test
    void aDirectMessageSlackCouldNotTake_staysOwed_acrossARestart_andIsSentOnceWhenSlackIsBack() {
        sandbox = sandboxes.start(Sandbox::start);
        sandbox.slack.outage(call -> call.method().equals("chat.postMessage") ? FakeAnswer.httpError(503) : null);

        SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "duty add <@U0KIM> manager");
        assertThat(reply.text()).contains("<@U0KIM> is on the duty roster as a manager");
        await().atMost(Duration.ofSeconds(10)).until(() -> !directMessagesTo("U0KIM").isEmpty());
        sandbox.restart();
        sandbox.slack.endOutage();
        sandbox.clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.slack.messages("U0KIM").size() == 1);
        sandbox.settle();
        assertThat(sandbox.slack.messages("U0KIM")).singleElement()
                .satisfies(message -> assertThat(message.text()).contains("<@U0ALEX> put you on the duty roster"));
    }

    @Test
    void withDutyAdmins_aNonAdminIsRefusedPrivately_andNothingChangesOrIsSent() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDutyAdmins(dir, "U0BOSS,S0LEADS"));
        sandbox.slack.setUserGroup("S0LEADS", List.of("U0LEAD"));
        duty("U0KIM", "join");

        for (String args : List.of("remove <@U0KIM>", "away <@U0KIM> 2026-03-20 2026-03-22", "add <@U0SAM> manager",
                "back <@U0KIM>")) {
            SlackReply reply = duty("U0ALEX", args);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).as(args).contains("Only <@U0BOSS> and the members of <!subteam^S0LEADS> may")
                    .contains("nothing was changed");
        }

        assertThat(duty("U0ALEX", "list").text()).contains("1 members").contains("<@U0KIM>").doesNotContain("away");
        assertThat(directMessagesTo("U0KIM")).isEmpty();
        assertThat(directMessagesTo("U0SAM")).isEmpty();
        assertThat(duty("U0ALEX", "list --history").text()).contains("<@U0KIM> joined").doesNotContain("U0ALEX");
    }

    @Test
    void withDutyAdmins_anAdminAndAMemberOfTheAdminUserGroup_mayChangeSomeoneElse_andSelfChangesAlwaysWork() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDutyAdmins(dir, "U0BOSS,S0LEADS"));
        sandbox.slack.setUserGroup("S0LEADS", List.of("U0LEAD", "U0ROBIN"));

        assertThat(duty("U0BOSS", "add <@U0KIM> engineer").text()).contains("<@U0KIM> is on the duty roster");
        assertThat(duty("U0LEAD", "away <@U0KIM> 2026-03-20 2026-03-22").text()).contains("<@U0KIM> is away");
        assertThat(duty("U0LEAD", "remove <@U0KIM>").text()).contains("<@U0KIM> is off the duty roster");
        assertThat(duty("U0ALEX", "join").text()).contains("You are on the duty roster");
        assertThat(duty("U0ALEX", "away me 2026-03-20 2026-03-22").text()).contains("<@U0ALEX> is away");
        assertThat(duty("U0ALEX", "back me").text()).contains("<@U0ALEX> is back");
        assertThat(duty("U0ALEX", "leave").text()).contains("You left the duty roster");

        assertThat(directMessagesTo("U0KIM")).hasSize(3);
        assertThat(directMessagesTo("U0ALEX")).isEmpty();
        assertThat(sandbox.calls("usergroups.users.list")).as("the group's members are kept for a while")
                .hasSize(1).allSatisfy(call -> assertThat(call.param("usergroup")).isEqualTo("S0LEADS"));
    }

    @Test
    void withDutyAdmins_whenSlackCannotListTheAdminGroup_theAnswerSaysTryAgain_andNothingChanges() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDutyAdmins(dir, "S0LEADS"));
        duty("U0KIM", "join");
        sandbox.slack.enqueue("usergroups.users.list", FakeAnswer.slackError("no_such_subteam"));

        SlackReply reply = duty("U0LEAD", "remove <@U0KIM>");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("I could not check whether you are in <!subteam^S0LEADS>")
                .contains("Slack answered no_such_subteam").contains("Nothing was changed")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(duty("U0KIM", "list").text()).contains("<@U0KIM> (you)");
        assertThat(directMessagesTo("U0KIM")).isEmpty();
    }

    @Test
    void withDutyAdmins_whenSlackIsSlowToListTheAdminGroup_theAnswerComesInTime_andTheLateListServesTheRetry() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithDutyAdmins(dir, "S0LEADS"));
        sandbox.slack.setUserGroup("S0LEADS", List.of("U0LEAD"));
        duty("U0KIM", "join");
        sandbox.slack.enqueue("usergroups.users.list", FakeAnswer.delayed(Duration.ofSeconds(4)));

        SlackReply slow = duty("U0LEAD", "remove <@U0KIM>");

        assertThat(slow.text()).contains("Slack did not answer in time").contains("Nothing was changed");
        assertThat(duty("U0KIM", "list").text()).contains("<@U0KIM> (you)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(duty("U0LEAD", "remove <@U0KIM>").text()).contains("<@U0KIM> is off the duty roster"));
        assertThat(sandbox.calls("usergroups.users.list")).hasSize(1);
    }
}
