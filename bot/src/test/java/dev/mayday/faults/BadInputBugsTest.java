package dev.mayday.faults;

import dev.mayday.http.HttpServer;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests {@link BadInputTest} found breaking the rules of issue 8's "Bad input" suite, one named test each:
 * a signed but malformed request gets a 4xx or a clear ":warning:" (never a 5xx, never ":x: Something went wrong"),
 * and stores nothing.
 */
class BadInputBugsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    private SlackReply signed(String contentType, String body) {
        return sandbox.simulator.post(contentType, body, Instant.now());
    }

    private static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private void assertRefusedWith4xx(SlackReply reply) {
        assertThat(reply.status()).as("status of a signed but malformed request: " + reply.body()).isBetween(400, 499);
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test

    void eventCallbackWithANonNumericEventTime_isA4xxNotA500() {
        SlackReply reply = signed(JSON, "{\"token\":\"t\",\"team_id\":\"T0MAYDAY\",\"api_app_id\":\"AMAYDAY\","
                + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U0ALEX\",\"channel\":\"D0ALEX\",\"tab\":\"home\","
                + "\"event_ts\":\"1795439808.127704\"},\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event_time\":true}");

        assertRefusedWith4xx(reply);
    }

    @Test

    void eventCallbackWithAnObjectEventId_isA4xxNotA500() {
        SlackReply reply = signed(JSON, "{\"team_id\":\"T0MAYDAY\",\"api_app_id\":\"AMAYDAY\",\"event\":{\"type\":"
                + "\"app_home_opened\",\"user\":\"U0ALEX\",\"channel\":\"D0ALEX\",\"tab\":\"home\",\"event_ts\":"
                + "\"1795439808.749734\"},\"type\":\"event_callback\",\"event_id\":{\"unexpected\":true},\"event_time\":1795439808}");

        assertRefusedWith4xx(reply);
    }

    @Test

    void messageEventWithAWrongTypedField_isA4xxAndNothingIsStored() {
        String channel = sandbox.declare("U0ALEX", "sev3 Wrong types");
        int entries = sandbox.timeline(channel).size();

        SlackReply reply = signed(JSON, "{\"token\":\"t\",\"team_id\":\"T0MAYDAY\",\"api_app_id\":\"AMAYDAY\",\"event\":"
                + "{\"type\":\"message\",\"channel\":\"" + channel + "\",\"text\":\"hello\",\"ts\":\"1795439824.734382\","
                + "\"event_ts\":\"1795439824.734382\",\"channel_type\":\"channel\",\"team\":\"T0MAYDAY\",\"user\":\"U0ALEX\","
                + "\"client_msg_id\":{\"unexpected\":true}},\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event_time\":1795439824}");

        assertRefusedWith4xx(reply);
        sandbox.settle();
        assertThat(sandbox.timeline(channel)).hasSize(entries);
    }

    @Test

    void reactionEventWithAnObjectChannel_isA4xxNotA500() {
        SlackReply reply = signed(JSON, "{\"token\":\"t\",\"team_id\":\"T0MAYDAY\",\"api_app_id\":\"AMAYDAY\",\"event\":"
                + "{\"type\":\"reaction_added\",\"user\":\"U0ALEX\",\"reaction\":\"pushpin\",\"item_user\":\"U0BOB\","
                + "\"item\":{\"type\":\"message\",\"channel\":{\"unexpected\":true},\"ts\":\"1795439806.737408\"},"
                + "\"event_ts\":\"1795439806.737408\"},\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"event_time\":1795439806}");

        assertRefusedWith4xx(reply);
    }

    @Test

    void declareFormSubmissionWithoutViewState_isA4xxNotA500() {
        SlackReply reply = signed(FORM, payload("{\"type\":\"view_submission\",\"api_app_id\":\"AMAYDAY\",\"team\":"
                + "{\"id\":\"T0MAYDAY\"},\"user\":{\"id\":\"U0ALEX\"},\"view\":{\"id\":\"V595\",\"type\":\"modal\","
                + "\"callback_id\":\"declare_incident\",\"private_metadata\":\"" + sandbox.generalChannel + "\"}}"));

        assertRefusedWith4xx(reply);
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test

    void viewClosedWithoutAView_isA4xxNotA500() {
        SlackReply reply = signed(FORM, payload("{\"type\":\"view_closed\",\"team\":{\"id\":\"T0MAYDAY\"},"
                + "\"user\":{\"id\":\"U0ALEX\"}}"));

        assertThat(reply.status()).as(reply.body()).isLessThan(500);
    }

    @Test

    void slashCommandWithAnEmptyUserId_isAClearRefusalNotAnInternalError() {
        SlackReply reply = signed(FORM, "token=t&team_id=&team_domain=mayday-sandbox&channel_id="
                + sandbox.generalChannel + "&channel_name=general&user_id=&user_name=u0alex&command=%2Fincident"
                + "&text=declare+sev2+Missing+fields&api_app_id=AMAYDAY&response_url="
                + URLEncoder.encode(sandbox.slack.responseUrl("no-user"), StandardCharsets.UTF_8));

        assertThat(reply.status()).isLessThan(500);
        assertThat(reply.text()).doesNotStartWith(":x: Something went wrong");
        assertThat(reply.status() >= 400 || reply.text().startsWith(":warning:"))
                .as("a 4xx or a :warning: refusal, got " + reply.status() + " " + reply.body()).isTrue();
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test

    void statusSelectWithoutASelectedOption_isAClearRefusalNotAnInternalError() {
        String channel = sandbox.declare("U0ALEX", "sev3 Status without option");

        SlackReply reply = signed(FORM, payload("{\"type\":\"block_actions\",\"api_app_id\":\"AMAYDAY\",\"trigger_id\":"
                + "\"t1\",\"response_url\":\"" + sandbox.slack.responseUrl("status-no-option") + "\",\"team\":{\"id\":"
                + "\"T0MAYDAY\"},\"user\":{\"id\":\"U0ALEX\"},\"channel\":{\"id\":\"" + channel + "\"},\"container\":"
                + "{\"type\":\"message\",\"channel_id\":\"" + channel + "\"},\"actions\":[{\"action_id\":\"incident_status\","
                + "\"block_id\":\"incident_actions\",\"type\":\"static_select\",\"action_ts\":\"1795439819.000100\"}]}"));
        sandbox.settle();

        assertThat(reply.status()).isLessThan(500);
        assertThat(sandbox.slack.transcript()).noneMatch(line -> line.contains(":x: Something went wrong"));
    }

    @Test

    void addToTimelineShortcutWithoutTheMessage_isAClearRefusalNotAnInternalError() {
        String channel = sandbox.declare("U0ALEX", "sev3 Shortcut without message");

        SlackReply reply = signed(FORM, payload("{\"type\":\"message_action\",\"callback_id\":\"add_to_timeline\","
                + "\"trigger_id\":\"t\",\"message_ts\":\"1795439819.000100\",\"response_url\":\""
                + sandbox.slack.responseUrl("shortcut-no-message") + "\",\"team\":{\"id\":\"T0MAYDAY\"},\"user\":"
                + "{\"id\":\"U0ALEX\"},\"channel\":{\"id\":\"" + channel + "\"}}"));
        sandbox.settle();

        assertThat(reply.status()).isLessThan(500);
        assertThat(sandbox.slack.transcript()).noneMatch(line -> line.contains(":x: Something went wrong"));
    }

    @Test
    void statusSelectWithoutAUser_isRefusedAndStoresNoChangeWithoutAnActor() {
        String channel = sandbox.declare("U0ALEX", "sev3 Status without user");
        int entries = sandbox.timeline(channel).size();

        SlackReply reply = signed(FORM, payload("{\"type\":\"block_actions\",\"api_app_id\":\"AMAYDAY\",\"trigger_id\":"
                + "\"t1\",\"response_url\":\"" + sandbox.slack.responseUrl("status-no-user") + "\",\"team\":{\"id\":"
                + "\"T0MAYDAY\"},\"channel\":{\"id\":\"" + channel + "\"},\"container\":{\"type\":\"message\","
                + "\"channel_id\":\"" + channel + "\"},\"actions\":[{\"action_id\":\"incident_status\",\"block_id\":"
                + "\"incident_actions\",\"type\":\"static_select\",\"action_ts\":\"1795439819.000100\","
                + "\"selected_option\":{\"value\":\"monitoring\"}}]}"));
        sandbox.settle();

        assertThat(reply.status()).isLessThan(500);
        assertThat(sandbox.timeline(channel)).as("no change stored without an actor").hasSize(entries);
    }

    @Test
    void pagerDutyAcknowledgedWithoutAnAgent_doesNotPoisonTheOutbox() throws Exception {
        dev.mayday.sandbox.pagerduty.PdIncident incident = new dev.mayday.sandbox.pagerduty.PdIncident("PINC21", 21,
                "Checkout down", "triggered", "high", null, "PSVC1", "Checkout", "PEP1", java.util.List.of(), "key-1",
                Instant.now());
        assertThat(sandbox.deliver(sandbox.webhooks.triggered(incident)).statusCode()).isEqualTo(202);
        sandbox.settle();

        String acknowledged = sandbox.webhooks.acknowledged(incident.withStatus("acknowledged")).body()
                .replaceFirst("\"agent\":\\{[^}]*\\},?", "");
        assertThat(acknowledged).doesNotContain("\"agent\"");
        java.util.Map<String, String> headers = java.util.Map.of("Content-Type", "application/json; charset=utf-8",
                "X-Webhook-Id", "no-agent");
        int status = sandbox.deliver(new dev.mayday.sandbox.pagerduty.SignedWebhook("e", "incident.acknowledged",
                acknowledged, headers).signedWith(Sandbox.PAGERDUTY_SECRET)).statusCode();

        assertThat(status).isLessThan(500);
        // The change it stored must be publishable: the outbox drains instead of failing on a null actor forever.
        sandbox.settle();
    }

    @Test

    void slashCommandWithoutAUserIdInAnIncidentChannel_isRefusedAndStoresNoChangeWithoutAnActor() {
        String channel = sandbox.declare("U0ALEX", "sev3 Update without user");
        int entries = sandbox.timeline(channel).size();

        SlackReply reply = signed(FORM, "token=t&team_id=T0MAYDAY&channel_id=" + channel + "&channel_name=" + channel
                + "&command=%2Fincident&text=status+identified&api_app_id=AMAYDAY&trigger_id=t9&response_url="
                + URLEncoder.encode(sandbox.slack.responseUrl("no-user-status"), StandardCharsets.UTF_8));

        assertThat(reply.status()).isLessThan(500);
        assertThat(reply.status() >= 400 || reply.text().startsWith(":warning:"))
                .as("a 4xx or a :warning: refusal, got " + reply.status() + " " + reply.body()).isTrue();
        assertThat(sandbox.timeline(channel)).as("no change stored without an actor").hasSize(entries);
        sandbox.settle();
    }

    @Test

    void declareFormWithANullSeverityValue_isAValidationErrorNotA500() {
        String view = "{\"type\":\"view_submission\",\"api_app_id\":\"AMAYDAY\",\"team\":{\"id\":\"T0MAYDAY\"},"
                + "\"user\":{\"id\":\"U0ALEX\"},\"view\":{\"id\":\"V77\",\"type\":\"modal\",\"callback_id\":"
                + "\"declare_incident\",\"private_metadata\":\"" + sandbox.generalChannel + "\",\"state\":{\"values\":{"
                + "\"title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Null severity\"}},"
                + "\"severity\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"value\":null}}},"
                + "\"summary\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"x\"}},"
                + "\"privacy\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":[]}}}}}}";

        SlackReply reply = signed(FORM, payload(view));

        assertThat(reply.status()).as(reply.body()).isLessThan(500);
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void aCommandLargerThanTheRequestLimit_isRefusedWith413AndNothingIsStored() {
        String channel = sandbox.declare("U0ALEX", "sev3 Big notes");
        int entries = sandbox.timeline(channel).size();
        String form = SlackSimulator.formEncode(sandbox.simulator.commandForm("U0ALEX", channel,
                "note " + "n".repeat(HttpServer.MAX_REQUEST_BYTES), "trigger-too-big"));

        SlackReply reply = signed(FORM, form);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("the limit is " + HttpServer.MAX_REQUEST_BYTES + " bytes");
        assertThat(sandbox.timeline(channel)).hasSize(entries);
    }

    @Test
    void aCommandJustUnderTheRequestLimit_isReadAndAnswered() {
        String channel = sandbox.declare("U0ALEX", "sev3 Big notes");
        String form = SlackSimulator.formEncode(sandbox.simulator.commandForm("U0ALEX", channel,
                "note " + "n".repeat(HttpServer.MAX_REQUEST_BYTES - 2_000), "trigger-just-fits"));

        SlackReply reply = signed(FORM, form);

        assertThat(reply.status()).isEqualTo(200);
    }
}
