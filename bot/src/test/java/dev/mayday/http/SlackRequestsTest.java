package dev.mayday.http;

import ch.qos.logback.classic.Level;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What happens at the HTTP edge: signatures, malformed bodies, Slack's handshakes, health. */
class SlackRequestsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String DECLARE = "command=%2Fincident&text=declare+sev1+Forged&user_id=U0EVE&channel_id=C0X"
            + "&trigger_id=t1&team_id=T0MAYDAY&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx";

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void forgedSignature_gets401AndStoresNothing() {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        SlackReply reply = sandbox.simulator.postWithSignature(FORM, DECLARE, timestamp, "v0=" + "ab".repeat(32));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(sandbox.incidents()).isEmpty();
        assertThat(sandbox.slack.calls("conversations.create")).isEmpty();
    }

    @Test
    void missingSignature_gets401() {
        SlackReply reply = sandbox.simulator.postWithSignature(FORM, DECLARE, null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void staleButOtherwiseValidSignature_gets401() {
        SlackReply reply = sandbox.simulator.post(FORM, DECLARE, Instant.now().minus(Duration.ofMinutes(6)));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void signedSixMinutesInTheFuture_gets401WithAReason_andStoresNothing() {
        SlackReply reply = sandbox.simulator.post(FORM, DECLARE, Instant.now().plus(Duration.ofMinutes(6)));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("more than 5 minutes from now");
        sandbox.settle();
        assertThat(sandbox.incidents()).isEmpty();
        assertThat(sandbox.slack.calls("conversations.create")).isEmpty();
    }

    @Test
    void signedTenYearsInTheFuture_gets401_andStoresNothing() {
        SlackReply reply = sandbox.simulator.post(FORM, DECLARE, Instant.now().plus(Duration.ofDays(3653)));

        assertThat(reply.status()).isEqualTo(401);
        sandbox.settle();
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void signedFourMinutesEitherWay_isAccepted() {
        assertThat(sandbox.simulator.post(FORM, DECLARE.replace("Forged", "Early").replace("t1", "t2"),
                Instant.now().minus(Duration.ofMinutes(4))).status()).isEqualTo(200);
        assertThat(sandbox.simulator.post(FORM, DECLARE.replace("Forged", "Late").replace("t1", "t3"),
                Instant.now().plus(Duration.ofMinutes(4))).status()).isEqualTo(200);
        assertThat(sandbox.incidents()).extracting(i -> i.title()).containsExactlyInAnyOrder("Early", "Late");
    }

    @Test
    void timestampThatIsNotANumber_gets401WithAReason() {
        String timestamp = "12e9";
        String signature = new com.slack.api.app_backend.SlackSignature.Generator(Sandbox.SECRET).generate(timestamp, DECLARE);

        SlackReply reply = sandbox.simulator.postWithSignature(FORM, DECLARE, timestamp, signature);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("not a number");
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void signedGarbageStampedInTheFuture_gets401NotAParseError() {
        SlackReply reply = sandbox.simulator.post(FORM, "payload=%7Bbroken", Instant.now().plus(Duration.ofMinutes(6)));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void signedRequestWithATamperedBody_gets401() {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        SlackReply genuine = sandbox.simulator.post(FORM, DECLARE.replace("Forged", "Real"), Instant.now());
        assertThat(genuine.status()).isEqualTo(200);

        String signatureOfOtherBody = new com.slack.api.app_backend.SlackSignature.Generator(Sandbox.SECRET)
                .generate(timestamp, DECLARE.replace("Forged", "Real"));
        SlackReply tampered = sandbox.simulator.postWithSignature(FORM, DECLARE, timestamp, signatureOfOtherBody);

        assertThat(tampered.status()).isEqualTo(401);
        assertThat(sandbox.incidents()).extracting(i -> i.title()).containsExactly("Real");
    }

    @Test
    void signedGarbage_isRefusedWith4xxAndStoresNothing() {
        SlackReply notForm = sandbox.simulator.post("application/json", "{not json", Instant.now());
        SlackReply emptyPayload = sandbox.simulator.post(FORM, "payload=", Instant.now());
        SlackReply brokenPayload = sandbox.simulator.post(FORM, "payload=%7Bbroken", Instant.now());

        assertThat(notForm.status()).isBetween(400, 499);
        assertThat(emptyPayload.status()).isBetween(400, 499);
        assertThat(brokenPayload.status()).isEqualTo(400);
        assertThat(brokenPayload.body()).contains("malformed Slack request");
        assertThat(sandbox.incidents()).isEmpty();
    }

    @Test
    void unsignedGarbage_gets401NotAParseError() {
        SlackReply reply = sandbox.simulator.postWithSignature(FORM, "payload=%7Bbroken", "1", "v0=00");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void urlVerification_answersTheChallenge() {
        SlackReply reply = sandbox.simulator.post("application/json",
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
                Instant.now());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void sslCheck_isAnsweredWithoutASignature() {
        SlackReply reply = sandbox.simulator.postWithSignature(FORM, "ssl_check=1&token=x", null, null);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void health_reportsTheStore() throws Exception {
        HttpResponse<String> health = sandbox.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"store\":\"reachable\"");
    }

    @Test
    void lockedStore_getsAClearAnswerAndNoHalfWrittenIncident() throws Exception {
        try (CapturedLog errors = CapturedLog.of(UserFacingErrors.class);
             Connection locker = DriverManager.getConnection(sandbox.app.database().url());
             Statement statement = locker.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            SlackReply reply = sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev1 Payments down");
            statement.execute("ROLLBACK");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).contains("could not save").contains("Nothing was changed").doesNotContain("Exception");
            // the operator's side of it: logged with its cause (and kept out of the build's output by the capture)
            assertThat(errors.messages(Level.ERROR)).containsExactly("Store failed while running `/incident declare`");
        }
        sandbox.settle();
        assertThat(sandbox.incidents()).isEmpty();
        assertThat(sandbox.slack.calls("conversations.create")).isEmpty();
    }
}
