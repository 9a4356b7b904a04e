package dev.mayday.premortem;

import dev.mayday.db.postmortem.PostmortemRow;
import dev.mayday.db.premortem.PremortemLinkRow;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.views.PremortemOfferMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A new incident is offered the pre-mortems its title matches; a linked incident's post-mortem says what was foreseen. */
class PremortemLinksTest {

    private static final String ALEX = "U0ALEX";
    private static final String KIM = "U0KIM";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    String premortemChannel;

    @BeforeEach
    void premortem() {
        sandbox = sandboxes.start(Sandbox::start);
        sandbox.command(ALEX, sandbox.generalChannel, "premortem Migrate checkout to payments v2");
        premortemChannel = sandbox.app.database().read(store -> store.premortems().byId(1)).orElseThrow().channelId();
        sandbox.command(ALEX, premortemChannel, "risk Card tokens do not carry over");
        sandbox.command(ALEX, premortemChannel, "risk Webhooks arrive twice");
        sandbox.command(ALEX, premortemChannel, "rollback Flip the payments_v2 flag off: 5 minutes");
    }

    private List<SlackCall> directMessages(String user) {
        return sandbox.calls("chat.postMessage").stream().filter(c -> user.equals(c.param("channel"))).toList();
    }

    private Optional<PremortemLinkRow> link(long incidentId) {
        return sandbox.app.database().read(store -> store.premortems().linkOf(incidentId));
    }

    private String draft(long incidentId) {
        Optional<PostmortemRow> latest = sandbox.app.database().read(store -> store.postmortems().latest(incidentId));
        return latest.orElseThrow().markdown();
    }

    @Test
    void declaring_anIncidentWhoseTitleMatches_offersThePremortemPrivately_withALinkButtonThatLinks() {
        String channel = sandbox.declare(KIM, "sev2 Checkout card payments failing");

        assertThat(directMessages(KIM)).singleElement().satisfies(dm -> assertThat(dm.param("blocks"))
                .contains("Pre-mortem #1").contains(PremortemOfferMessage.LINK_ACTION).contains("1:1"));
        assertThat(directMessages(ALEX)).isEmpty();

        sandbox.simulator.clickButton(ALEX, KIM, PremortemOfferMessage.LINK_ACTION, "1:1");
        sandbox.settle();
        assertThat(link(1)).as("only the declarer or lead may link").isEmpty();

        sandbox.simulator.clickButton(KIM, KIM, PremortemOfferMessage.LINK_ACTION, "1:1");
        sandbox.settle();
        assertThat(link(1)).hasValueSatisfying(l -> assertThat(l.premortemId()).isEqualTo(1));
        assertThat(sandbox.incidentIn(channel).id()).isEqualTo(1);
    }

    @Test
    void declaring_anIncidentOfOtherWords_offersNothing() {
        sandbox.declare(KIM, "sev3 Search results are stale");
        assertThat(directMessages(KIM)).isEmpty();
    }

    @Test
    void linkByHand_withTheRiskThatHappened_andTheRollbackUsed_givesTheDraftAForeseenSection() {
        String channel = sandbox.declare(KIM, "sev2 Payments down");
        assertThat(sandbox.command(KIM, channel, "link premortem 1 risk 2 rollback").text())
                .contains("linked to pre-mortem #1").contains("risk 2 happened").contains("rollback plan was used");
        sandbox.command(KIM, channel, "resolve flag flipped back");
        sandbox.command(KIM, channel, "close");

        assertThat(draft(1)).contains("## Foreseen?").contains("- [x] 2. Webhooks arrive twice — **this happened**")
                .contains("- [ ] 1. Card tokens do not carry over — did not happen")
                .contains("Rollback plan: Flip the payments_v2 flag off: 5 minutes — **used**.");
    }

    @Test
    void theDigest_countsThePremortemsHeld_andTheIncidentsOneForesaw() {
        String channel = sandbox.declare(KIM, "sev2 Payments down");
        sandbox.declare(KIM, "sev3 Search results are stale");
        sandbox.command(KIM, channel, "link premortem 1 risk 1");

        assertThat(sandbox.command(KIM, sandbox.generalChannel, "digest").body())
                .contains("1 pre-mortem held; 1 of the week\\u0027s 2 incidents were foreseen by one.");
    }

    @Test
    void aPrivatePremortem_isNeverOffered_andOnlyItsOpenerLinksIt_toAPrivateIncident() {
        sandbox.command(ALEX, sandbox.generalChannel, "premortem --private Payroll export to the new bank");
        sandbox.settle();
        sandbox.declare(KIM, "sev2 Payroll export failing");
        assertThat(directMessages(KIM)).as("the offer would name the private change").isEmpty();

        String kims = sandbox.declare(KIM, "--private sev3 Payroll totals wrong");
        assertThat(sandbox.command(KIM, kims, "link premortem 2").text()).isEqualTo(":warning: There is no pre-mortem #2.");
        String alexs = sandbox.declare(ALEX, "sev3 Payroll late");
        assertThat(sandbox.command(ALEX, alexs, "link premortem 2").text()).contains("is private")
                .doesNotContain("Payroll export");
        String alexsPrivate = sandbox.declare(ALEX, "--private sev3 Payroll mismatch");
        assertThat(sandbox.command(ALEX, alexsPrivate, "link premortem 2").text()).contains("linked to pre-mortem #2");

        assertThat(link(sandbox.incidentIn(kims).id())).isEmpty();
        assertThat(link(sandbox.incidentIn(alexs).id())).isEmpty();
        assertThat(link(sandbox.incidentIn(alexsPrivate).id())).isPresent();
    }

    @Test
    void anUnlinkedIncident_hasNoForeseenSection() {
        String channel = sandbox.declare(KIM, "sev2 Payments down");
        sandbox.command(KIM, channel, "resolve fixed");
        sandbox.command(KIM, channel, "close");
        assertThat(draft(1)).doesNotContain("Foreseen?");
    }
}
