package dev.mayday.premortem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.db.premortem.PremortemLinkRow;
import dev.mayday.db.premortem.PremortemRow;
import dev.mayday.db.premortem.RiskRow;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-mortems: a pre- channel made once, a live card of risks, mistakes refused privately, a summary at close. */
class PremortemTest {

    private static final String ALEX = "U0ALEX";
    private static final String KIM = "U0KIM";
    private static final String NAME = "pre-20260314-migrate-checkout-to-payments-v2";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    private String open(String change) {
        String answer = sandbox.command(ALEX, sandbox.generalChannel, "premortem " + change).text();
        assertThat(answer).contains("Opening pre-mortem #");
        long id = Long.parseLong(answer.replaceAll("(?s).*pre-mortem #(\\d+).*", "$1"));
        return sandbox.app.database().read(store -> store.premortems().byId(id)).orElseThrow().channelId();
    }

    private List<RiskRow> risks(long premortemId) {
        return sandbox.app.database().read(store -> store.premortems().risks(premortemId));
    }

    private Optional<PremortemLinkRow> link(long incidentId) {
        return sandbox.app.database().read(store -> store.premortems().linkOf(incidentId));
    }

    private String card(String channel) {
        return sandbox.slack.messages(channel).get(0).blocksJson();
    }

    @Test
    void open_makesAPreChannel_invitesTheOpener_andPostsThePremiseAndTheRollbackQuestion() {
        String channel = open("Migrate checkout to payments v2");

        FakeChannel made = sandbox.slack.channel(channel).orElseThrow();
        assertThat(made.name()).isEqualTo(NAME);
        assertThat(made.isPrivate()).isFalse();
        assertThat(made.members()).contains(ALEX);
        assertThat(sandbox.slack.messages(channel)).hasSize(1);
        assertThat(card(channel)).contains("It is two weeks from now and *Migrate checkout to payments v2* has failed. "
                + "What happened?").contains("How do we undo it, and how long does that take?")
                .contains("no rollback plan yet").contains("Risks* (none yet)");
        assertThat(sandbox.calls("chat.postMessage")).noneMatch(c -> sandbox.announceChannel.equals(c.param("channel")));
    }

    @Test
    void private_inAnyCase_opensAPrivateChannel() {
        String channel = open("--Private Rotate the database credentials");
        assertThat(sandbox.slack.channel(channel).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.slack.channel(channel).orElseThrow().name()).isEqualTo("pre-20260314-rotate-the-database-credentials");
    }

    @Test
    void aRisk_whoseOwnerFollowsATab_recordsTheOwner_andALongPinnedRisk_keepsTheCardWithinSlacksLimit() throws Exception {
        String channel = open("Migrate checkout to payments v2");

        assertThat(sandbox.command(ALEX, channel, "risk Card tokens do not carry over\t<@U0KIM|kim>").text())
                .contains("Risk 1 recorded for <@U0KIM>");
        sandbox.simulator.deliver(sandbox.simulator.message(KIM, channel, "1773480700.000100",
                "Webhooks arrive twice & out of order. ".repeat(120)));
        sandbox.simulator.deliver(sandbox.simulator.reactionAdded(ALEX, "pushpin", channel, "1773480700.000100", KIM));
        sandbox.settle();
        sandbox.command(ALEX, channel, "risk A third risk, short");

        String card = card(channel);
        assertThat(risks(1).get(0).riskText()).isEqualTo("Card tokens do not carry over");
        assertThat(risks(1).get(0).owner()).isEqualTo("U0KIM");
        assertThat(card).contains("1. Card tokens do not carry over").contains("3. A third risk, short");
        assertThat(card.split("Webhooks arrive twice", -1)).as("the long risk is cut short on the card").hasSizeLessThan(12);
        assertThat(new ObjectMapper().readTree(card).findValues("text")).as("Slack refuses a section over 3,000")
                .allSatisfy(text -> assertThat(text.path("text").asText("")).hasSizeLessThan(3_000));
    }

    @Test
    void private_opensAPrivateChannel() {
        String channel = open("--private Rotate the database credentials");
        assertThat(sandbox.slack.channel(channel).orElseThrow().isPrivate()).isTrue();
        assertThat(sandbox.slack.channel(channel).orElseThrow().name()).isEqualTo("pre-20260314-rotate-the-database-credentials");
    }

    @Test
    void risksMitigationsAndRollback_keepTheCardLive_markingRisksWithoutAMitigationOrAnOwner() {
        String channel = open("Migrate checkout to payments v2");

        assertThat(sandbox.command(ALEX, channel, "risk Card tokens do not carry over <@U0KIM|kim>").text())
                .contains("Risk 1 recorded for <@U0KIM>");
        assertThat(sandbox.command(ALEX, channel, "risk Webhooks arrive twice").text()).contains("Risk 2")
                .contains("no owner yet");
        assertThat(sandbox.command(ALEX, channel, "mitigate 1 Dry run against a copy of the vault").text())
                .contains("Risk 1 has a mitigation");
        sandbox.command(ALEX, channel, "rollback Flip the payments_v2 flag off: 5 minutes");

        String card = card(channel);
        assertThat(card).contains(":white_check_mark: 1. Card tokens do not carry over").contains("U0KIM")
                .contains(":warning: 2. Webhooks arrive twice").contains("*no owner*").contains("*no mitigation*")
                .contains("Flip the payments_v2 flag off: 5 minutes").doesNotContain("no rollback plan yet")
                .contains("(2, 1 not covered)");
        assertThat(sandbox.slack.messages(channel)).as("one card, updated in place").hasSize(1);
    }

    @Test
    void mistakes_getAPrivateHelpfulAnswer_andChangeNothing() {
        String channel = open("Migrate checkout to payments v2");
        String incident = sandbox.declare(KIM, "sev3 Something else entirely");
        int updates = sandbox.calls("chat.update").size();

        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "risk Tokens lost").text())
                .contains("works in a pre-mortem's channel");
        assertThat(sandbox.command(ALEX, incident, "risk Tokens lost").text()).contains("works in a pre-mortem's channel");
        assertThat(sandbox.command(ALEX, channel, "mitigate 3 something").text()).contains("There is no risk 3")
                .contains("none is recorded yet");
        assertThat(sandbox.command(ALEX, channel, "mitigate soon").text()).contains("`/incident mitigate <risk number> <text>`");
        assertThat(sandbox.command(ALEX, channel, "risk").text()).contains("Say what could go wrong");
        assertThat(sandbox.command(ALEX, channel, "rollback").text()).contains("Say how the change is undone");
        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "premortem").text()).contains("Say what the change is");
        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "premortem close").text())
                .contains("works in a pre-mortem's channel");
        assertThat(sandbox.command(ALEX, channel, "link premortem 1").text()).contains("works in an incident's channel");
        assertThat(sandbox.command(ALEX, incident, "link premortem 99").text()).contains("There is no pre-mortem #99");
        assertThat(sandbox.command(ALEX, incident, "link premortem 1 risk 4").text()).contains("has no risk 4");
        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "premortem --privte Rotate the keys").text())
                .contains("I don't know `--privte`").contains("Nothing was opened");
        assertThat(sandbox.command(ALEX, sandbox.generalChannel, "premortem --privatex Rotate the keys").text())
                .contains("I don't know `--privatex`");
        Optional<PremortemRow> second = sandbox.app.database().read(store -> store.premortems().byId(2));
        assertThat(second).as("no second pre-mortem").isEmpty();

        assertThat(risks(1)).isEmpty();
        assertThat(link(1)).isEmpty();
        assertThat(sandbox.calls("chat.update")).hasSize(updates);
    }

    @Test
    void close_storesAndUploadsTheSummary_andClosingTwiceIsRefused() {
        sandbox.slack.addUser(KIM, "kim@example.com", "Kim Owner");
        String channel = open("Migrate checkout to payments v2");
        sandbox.command(ALEX, channel, "risk Card tokens do not carry over <@U0KIM|kim>");
        sandbox.command(ALEX, channel, "risk Webhooks arrive twice <!channel>");
        sandbox.command(ALEX, channel, "mitigate 1 Dry run against a copy of the vault");

        assertThat(sandbox.command(ALEX, channel, "premortem close").text()).contains("is closed");

        String file = new String(sandbox.slack.uploadedFile(sandbox.calls("files.completeUploadExternal").get(0)
                .param("files").replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(file).contains("# Pre-mortem #1: Migrate checkout to payments v2")
                .contains("1. Card tokens do not carry over").contains("Owner: Kim Owner")
                .contains("Mitigation: Dry run against a copy of the vault")
                .contains("2. Webhooks arrive twice").contains("Owner: **none**").contains("No rollback plan.")
                .contains("Who owns risk 2?").contains("How is risk 2 mitigated?")
                .contains("How do we undo it, and how long does that take?").doesNotContain("<!channel>");
        assertThat(sandbox.app.database().read(store -> store.premortems().latestSummary(1)).orElseThrow().markdown())
                .isEqualTo(file);
        assertThat(card(channel)).contains("(closed)");

        assertThat(sandbox.command(ALEX, channel, "premortem close").text()).contains("is closed already");
        assertThat(sandbox.command(ALEX, channel, "risk One more").text()).contains("is closed");
        assertThat(sandbox.calls("files.completeUploadExternal")).hasSize(1);
    }

    @Test
    void crashBetweenUploadingTheSummaryAndRecordingIt_isReconciledWithoutASecondFile() {
        String channel = open("Migrate checkout to payments v2");
        sandbox.command(ALEX, channel, "risk Card tokens do not carry over");
        sandbox.command(ALEX, channel, "premortem close");
        sandbox.settle();
        assertThat(sandbox.calls("files.completeUploadExternal")).hasSize(1);
        // a crash right after the upload and its result were recorded: the row pending, the file id not stored
        sandbox.app.database().jdbi().useTransaction(h -> {
            h.execute("UPDATE premortem_summaries SET file_id = NULL");
            h.execute("UPDATE outbox SET state = 'PENDING', done_at = NULL WHERE type = 'PremortemSummaryRequested'");
        });

        sandbox.restart();
        sandbox.settle();

        assertThat(sandbox.calls("files.completeUploadExternal")).hasSize(1);
        assertThat(sandbox.app.database().read(store -> store.premortems().latestSummary(1)).orElseThrow().fileId())
                .isNotNull();
    }

    @Test
    void aPushpin_onAMessageInThePremortemChannel_recordsARiskOnce() {
        String channel = open("Migrate checkout to payments v2");
        sandbox.simulator.deliver(sandbox.simulator.message(KIM, channel, "1773480700.000100",
                "What if the old API is switched off before we move?"));
        sandbox.simulator.deliver(sandbox.simulator.reactionAdded(ALEX, "pushpin", channel, "1773480700.000100", KIM));
        sandbox.simulator.deliver(sandbox.simulator.reactionAdded(KIM, "pushpin", channel, "1773480700.000100", KIM));
        sandbox.settle();

        assertThat(risks(1)).singleElement()
                .satisfies(r -> assertThat(r.riskText()).isEqualTo("What if the old API is switched off before we move?"));
        assertThat(card(channel)).contains("1. What if the old API is switched off before we move?");
    }

    @Test
    void slackDownWhenOpened_andARestart_makeOneChannelAndOneCard() {
        sandbox.slack.outage(FakeAnswer.httpError(503));
        sandbox.simulator.command(ALEX, sandbox.generalChannel, "premortem Migrate checkout to payments v2");
        sandbox.restart();
        sandbox.slack.endOutage();
        sandbox.settle();
        sandbox.restart();
        sandbox.settle();

        List<FakeChannel> made = sandbox.slack.channels().stream().filter(c -> c.name().startsWith("pre-")).toList();
        assertThat(made).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo(NAME));
        assertThat(sandbox.slack.messages(made.get(0).id())).map(FakeMessage::text).hasSize(1);
    }

    @Test
    void aChannelMadeBeforeACrashButNeverRecorded_isAdopted_andOneMadeByOthersIsNot() {
        sandbox.slack.createChannelDirectly(NAME, false, sandbox.slack.botUserId());
        sandbox.slack.createChannelDirectly("pre-20260314-rotate-the-database-credentials", false, "U0SOMEONE");
        String adopted = open("Migrate checkout to payments v2");
        assertThat(sandbox.slack.channel(adopted).orElseThrow().name()).isEqualTo(NAME);

        open("Rotate the database credentials");
        assertThat(sandbox.slack.channelByName("pre-20260314-rotate-the-database-credentials-2")).isPresent();
        assertThat(sandbox.slack.channels().stream().filter(c -> c.name().startsWith("pre-"))).hasSize(3);
    }

    @Test
    void theSameCommandTwice_opensOnePremortem() {
        sandbox.simulator.command(ALEX, sandbox.generalChannel, "premortem Migrate checkout", "trigger-1");
        assertThat(sandbox.simulator.command(ALEX, sandbox.generalChannel, "premortem Migrate checkout", "trigger-1")
                .text()).contains("already opened as pre-mortem #1");
        sandbox.settle();
        assertThat(sandbox.slack.channels().stream().filter(c -> c.name().startsWith("pre-"))).hasSize(1);
    }

    @Test
    void hostileText_inTheChange_andARisk_neverPings_andShowsALinksRealAddress() {
        String channel = open("<!channel> move <https://evil.example/login|the login page>");
        sandbox.command(ALEX, channel, "risk <!here> <!subteam^S0OPS> users land on <https://evil.example/x|our docs>");

        String card = card(channel);
        assertThat(card).doesNotContain("<!channel>").doesNotContain("\\u003c!channel").doesNotContain("<!here>")
                .doesNotContain("\\u003c!here").doesNotContain("subteam^S0OPS\\u003e")
                .contains("https://evil.example/login").contains("(the login page)").contains("(our docs)");
    }
}
