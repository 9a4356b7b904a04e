package dev.mayday.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.db.rotation.MemberRow;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.slack.views.HandOffMessage;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HandOffOfferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();

    @TempDir
    Path otherDir;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    /** Three members level with each other: the rotation picks U0AMY (user id order), then U0BEN is next in line. */
    private static String declareWithRoster(Sandbox box) {
        box.command("U0AMY", box.generalChannel, "duty join engineer");
        box.command("U0BEN", box.generalChannel, "duty join manager");
        box.command("U0CAL", box.generalChannel, "duty join engineer");
        String channel = box.declare("U0DEC", "Payments failing");
        assertThat(box.incidentIn(channel).lead()).isEqualTo("U0AMY");
        return channel;
    }

    @Test
    void leadPastFourHours_isOfferedAHandOffToTheNextInLine_once() throws Exception {
        String channel = declareWithRoster(sandbox);

        sandbox.clock.advance(Duration.ofHours(4).plusMinutes(1));

        FakeMessage offer = awaitOffer(channel);
        assertThat(offer.text()).contains("<@U0AMY>").contains("more than 4 hours").contains("hand off to <@U0BEN>");
        sandbox.clock.advance(Duration.ofMinutes(10));
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(offers(channel)).hasSize(1));

        sandbox.restart();
        sandbox.clock.advance(Duration.ofMinutes(10));
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(offers(channel)).hasSize(1));
    }

    @Test
    void leadWithinFourHours_isNotOffered() throws Exception {
        String channel = declareWithRoster(sandbox);

        sandbox.clock.advance(Duration.ofHours(3).plusMinutes(59));
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(offers(channel)).isEmpty());

        sandbox.clock.advance(Duration.ofMinutes(2));
        assertThat(awaitOffer(channel).text()).contains("<@U0BEN>");
    }

    @Test
    void clickingTheOffer_movesLeadAndCreditLikeTheCommand() throws Exception {
        String channel = declareWithRoster(sandbox);
        sandbox.clock.advance(Duration.ofHours(4).plusMinutes(1));
        FakeMessage offer = awaitOffer(channel);

        assertThat(click("U0AMY", channel, offer).status()).isEqualTo(200);
        sandbox.settle();

        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo("U0BEN");
        assertThat(sandbox.slack.messages(channel)).anySatisfy(m ->
                assertThat(m.text()).contains("<@U0AMY> handed the lead from <@U0AMY> to <@U0BEN>"));
        AppHomeTest.awaitHome(sandbox, "U0BEN", home -> home.contains("lead <@U0BEN>")
                && home.contains("Incidents led · 1"));
        AppHomeTest.awaitHome(sandbox, "U0AMY", home -> home.contains("Incidents led · 0"));

        try (Sandbox byCommand = Sandbox.start(otherDir)) {
            String other = declareWithRoster(byCommand);
            byCommand.clock.advance(Duration.ofHours(4).plusMinutes(1));
            byCommand.command("U0AMY", other, "lead <@U0BEN>");
            assertThat(ledgers(sandbox)).isEqualTo(ledgers(byCommand));
            assertThat(sandbox.timeline(channel).get(sandbox.timeline(channel).size() - 1).text())
                    .isEqualTo(byCommand.timeline(other).get(byCommand.timeline(other).size() - 1).text());
        }

        // a second click on the same offer changes nothing
        assertThat(click("U0BEN", channel, offer).status()).isEqualTo(200);
        sandbox.settle();
        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo("U0BEN");
    }

    @Test
    void offer_clickedInAnotherIncidentsChannel_isRefusedPrivately_andChangesNothing() throws Exception {
        String channel = declareWithRoster(sandbox);
        String elsewhere = sandbox.declare("U0DEC", "Search is slow");
        sandbox.clock.advance(Duration.ofHours(4).plusMinutes(1));
        FakeMessage offer = awaitOffer(channel);
        String leadElsewhere = sandbox.incidentIn(elsewhere).lead();

        assertThat(click("U0BEN", elsewhere, offer).status()).isEqualTo(200);
        sandbox.settle();

        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo("U0AMY");
        assertThat(sandbox.incidentIn(elsewhere).lead()).isEqualTo(leadElsewhere);
        assertThat(lastPrivateReply()).contains(":warning:").contains("not for the incident of this channel");
    }

    @Test
    void offer_clickedBySomeoneNeitherOfferedNorOnTheRoster_isRefusedPrivately_andChangesNothing() throws Exception {
        String channel = declareWithRoster(sandbox);
        sandbox.clock.advance(Duration.ofHours(4).plusMinutes(1));
        FakeMessage offer = awaitOffer(channel);

        assertThat(click("U0EVE", channel, offer).status()).isEqualTo(200);
        sandbox.settle();

        assertThat(sandbox.incidentIn(channel).lead()).isEqualTo("U0AMY");
        assertThat(lastPrivateReply()).contains(":warning:").contains("offered to <@U0BEN>");
    }

    private String lastPrivateReply() {
        List<dev.mayday.sandbox.fake.SlackCall> replies = sandbox.calls("response_url");
        dev.mayday.sandbox.fake.SlackCall last = replies.get(replies.size() - 1);
        assertThat(last.param("response_type")).isEqualTo("ephemeral");
        return last.param("text");
    }

    private static List<MemberRow> ledgers(Sandbox box) {
        return box.app.database().read(store -> store.roster().members());
    }

    private List<FakeMessage> offers(String channel) {
        return sandbox.slack.messages(channel).stream()
                .filter(m -> m.blocksJson() != null && m.blocksJson().contains(HandOffMessage.ACCEPT_ACTION)).toList();
    }

    private FakeMessage awaitOffer(String channel) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<FakeMessage> found = offers(channel);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no hand-off offer was posted in " + channel);
    }

    /** The block_actions payload Slack sends for the offer's button. */
    private dev.mayday.sandbox.SlackSimulator.SlackReply click(String user, String channel, FakeMessage offer)
            throws Exception {
        JsonNode button = JSON.readTree(offer.blocksJson()).get(1).path("elements").get(0);
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "AMAYDAY")
                .put("token", "deprecated-verification-token").put("trigger_id", "trigger-handoff")
                .put("response_url", sandbox.slack.responseUrl("handoff-" + System.nanoTime()));
        payload.putObject("team").put("id", "T0MAYDAY").put("domain", "mayday-sandbox");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0MAYDAY");
        payload.putObject("channel").put("id", channel).put("name", channel);
        payload.putObject("container").put("type", "message").put("channel_id", channel)
                .put("message_ts", offer.ts());
        payload.putArray("actions").addObject().put("type", "button")
                .put("action_id", button.path("action_id").asText()).put("block_id", "lead_handoff")
                .put("value", button.path("value").asText()).put("action_ts", Instant.now().getEpochSecond() + ".000100");
        String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        return sandbox.simulator.post("application/x-www-form-urlencoded", body, Instant.now());
    }
}
