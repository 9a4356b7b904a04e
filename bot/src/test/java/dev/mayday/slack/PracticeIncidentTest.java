package dev.mayday.slack;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.db.postmortem.PostmortemPostDao;
import dev.mayday.incident.Incident;
import dev.mayday.incident.Severity;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.BlockKitText;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.pagerduty.PdRoute;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Practice incidents: {@code /incident declare --drill} (or the form's Practice box) runs a full incident in a
 * {@code drill-} channel, says everywhere that it is practice, and pages nobody, with {@code PAGE_LEAD_SEVERITIES}
 * at its default (sev1, sev2) and a rotation that would otherwise page the lead it picks.
 */
class PracticeIncidentTest {

    private static final String ALEX = "U0ALEX";
    private static final String DBA = "U0DBA";
    private static final String MGR = "U0MGR";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithPaging(dir, null));
        DutyService duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
        duty.join(DBA, MemberKind.ENGINEER);
        duty.join(MGR, MemberKind.MANAGER);
        sandbox.slack.addUser(MGR, "mo@example.com", "Mo Manager");
        sandbox.slack.addUser(DBA, "dee@example.com", "Dee DBA");
        sandbox.pagerDuty.addUser("PUMO", "Mo", "mo@example.com");
        sandbox.pagerDuty.addUser("PUDEE", "Dee", "dee@example.com");
    }

    @Test
    void declareDrill_opensADrillChannel_marksItPracticeEverywhere_andPagesNobody() {
        SlackReply reply = sandbox.command(ALEX, sandbox.generalChannel, "declare --drill sev1 Checkout game day");
        sandbox.settle();

        assertThat(reply.text()).contains("Declaring practice incident #1").contains("SEV1")
                .contains("nobody is paged");
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.isPractice()).isTrue();
        assertThat(incident.severity()).isEqualTo(Severity.SEV1);
        FakeChannel channel = sandbox.slack.channel(incident.place().channelId()).orElseThrow();
        assertThat(channel.name()).isEqualTo("drill-20260314-checkout-game-day");
        assertThat(channel.isPrivate()).isFalse();
        assertThat(channel.topic()).startsWith(":test_tube: PRACTICE · SEV1");
        FakeMessage first = sandbox.slack.messages(channel.id()).get(0);
        assertThat(first.ts()).as("the card is the channel's first message").isEqualTo(incident.place().cardTs());
        assertThat(BlockKitText.render(first.blocksJson(), first.text()))
                .contains(":test_tube: PRACTICE · 🔴 Incident #1: Checkout game day");
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith(":test_tube: *PRACTICE (a drill, nobody is paged)*")
                        .contains("Checkout game day").contains("<#" + channel.id() + ">"));

        assertThat(sandbox.calls("response_url")).singleElement().satisfies(call -> assertThat(call.param("text"))
                .contains("Practice incident #1 is live in <#" + channel.id() + ">"));
        assertThat(sandbox.calls("views.publish")).as("the Home tabs of the people involved")
                .anySatisfy(call -> assertThat(call.param("view")).contains(":test_tube: practice"));
        // the rotation still picked the lead and a paired responder: a drill is work like any incident
        assertThat(incident.lead()).isEqualTo(DBA);
        assertThat(incident.people().pairedResponder()).contains(MGR);
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).as("nobody is woken for a drill").isEmpty();
        List<OutboxRow> rows = sandbox.app.database().read(store -> store.outbox().forIncident(incident.id()));
        assertThat(rows).noneMatch(row -> row.type().startsWith("Pager"));
    }

    @Test
    void theSameSev1_declaredForReal_pagesTheLead_soTheDrillsSilenceIsTheFlags() {
        sandbox.command(ALEX, sandbox.generalChannel, "declare sev1 Checkout is down");
        sandbox.settle();

        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).hasSize(2);
        assertThat(sandbox.incidents().get(0).place().channelName()).startsWith("inc-");
    }

    @Test
    void pageCommand_inADrillChannel_isRefusedPrivately_andQueuesNothing() {
        String channel = sandbox.declare(ALEX, "--drill sev3 Failover rehearsal");

        SlackReply reply = sandbox.command(ALEX, channel, "page <@" + DBA + "|dee>");
        sandbox.settle();

        assertThat(reply.text()).contains("practice incident").contains("pages nobody");
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).isEmpty();
    }

    @Test
    void pdLink_inADrillChannel_isRefusedPrivately_soPracticeNeverTouchesARealPage() {
        String channel = sandbox.declare(ALEX, "--drill sev2 Failover rehearsal");

        SlackReply reply = sandbox.command(ALEX, channel, "pd link PREAL01");
        sandbox.settle();

        assertThat(reply.text()).contains("is a drill").contains("never linked to PagerDuty");
        List<String> linked = sandbox.app.database().read(store -> store.pagerDuty().pagerIdsOf(1));
        assertThat(linked).isEmpty();
    }

    @Test
    void drillWithPrivateAndSeverity_inAnyOrder_isAPrivateDrillChannel_neverAnnounced() {
        String channel = sandbox.declare(ALEX, "sev2 --private --drill Payroll leak rehearsal");

        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.isPractice()).isTrue();
        assertThat(incident.isPrivate()).isTrue();
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        FakeChannel made = sandbox.slack.channel(channel).orElseThrow();
        assertThat(made.name()).isEqualTo("drill-20260314-payroll-leak-rehearsal");
        assertThat(made.isPrivate()).isTrue();
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).isEmpty();
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).isEmpty();
    }

    @Test
    void theFormsPracticeBox_declaresADrill() {
        SlackReply reply = sandbox.simulator.submitDeclareForm(ALEX, "V-drill", sandbox.generalChannel,
                "Checkout game day", "SEV2", null, false, true);
        sandbox.settle();

        assertThat(reply.status()).isEqualTo(200);
        Incident incident = sandbox.incidents().get(0);
        assertThat(incident.isPractice()).isTrue();
        assertThat(incident.place().channelName()).isEqualTo("drill-20260314-checkout-game-day");
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).isEmpty();
    }

    @Test
    void theFormWithoutThePracticeBox_declaresARealIncident() {
        sandbox.simulator.submitDeclareForm(ALEX, "V-real", sandbox.generalChannel, "Checkout is down", "SEV3", null,
                false, false);
        sandbox.settle();

        assertThat(sandbox.incidents().get(0).isPractice()).isFalse();
        assertThat(sandbox.incidents().get(0).place().channelName()).isEqualTo("inc-20260314-checkout-is-down");
    }

    @Test
    void aDrillRunsToTheEnd_andItsPostmortemDraftIsMarkedPractice() {
        String channel = sandbox.declare(ALEX, "--drill sev3 Checkout game day");
        sandbox.command(DBA, channel, "note failed the primary over by hand");
        sandbox.command(DBA, channel, "resolve replica promoted");
        sandbox.command(DBA, channel, "close");

        assertThat(sandbox.calls("files.completeUploadExternal")).singleElement()
                .satisfies(c -> assertThat(c.param("files")).contains("PRACTICE post-mortem draft v1"));
        long id = sandbox.incidentIn(channel).id();
        String fileId = sandbox.app.database().jdbi().withExtension(PostmortemPostDao.class, dao -> dao.of(id))
                .orElseThrow().fileId();
        String draft = new String(sandbox.slack.uploadedFile(fileId).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(draft).startsWith("# Practice post-mortem draft: Checkout game day")
                .contains("**PRACTICE.**").contains("failed the primary over by hand");
        assertThat(sandbox.slack.messages(channel)).map(FakeMessage::text)
                .anySatisfy(t -> assertThat(t).startsWith(":test_tube: *PRACTICE*").contains("Post-mortem draft v1"));
    }

    @Test
    void aDrillsChannel_isMadeExactlyOnce_acrossARestart_whenSlackMadeItButTheAnswerWasLost() {
        sandbox.slack.enqueue("conversations.create", FakeAnswer.actedThenFailed(500));
        sandbox.simulator.command(ALEX, sandbox.generalChannel, "declare --drill sev2 Checkout game day");

        sandbox.restart();
        sandbox.settle();

        List<FakeChannel> drills = sandbox.slack.channels().stream()
                .filter(c -> c.name().startsWith("drill-20260314-checkout-game-day")).toList();
        assertThat(drills).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("drill-20260314-checkout-game-day"));
        assertThat(sandbox.incidents()).singleElement()
                .satisfies(i -> assertThat(i.place().channelId()).isEqualTo(drills.get(0).id()));
        assertThat(sandbox.slack.messages(drills.get(0).id())).filteredOn(m -> m.text().contains("PRACTICE"))
                .as("one card").hasSize(1);
        assertThat(sandbox.slack.messages(sandbox.announceChannel)).as("one announcement").hasSize(1);
    }
}
