package dev.mayday.http;

import ch.qos.logback.classic.Level;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.impl.TeamIdCache;
import dev.mayday.Config;
import dev.mayday.MaydayApp;
import dev.mayday.metrics.Metrics;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.retry.Sleeper;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.slack.api.HotMethods;
import dev.mayday.slack.api.SlackCalls;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.api.TokenCheck;
import dev.mayday.slack.api.TokenStatus;
import dev.mayday.support.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "Start-up and health that tell the truth": {@code auth.test} at start, off the request path. A token Slack
 * refuses, or one that is not a bot's, is one ERROR line naming SLACK_BOT_TOKEN and a 503 from {@code /health} until a
 * later check finds it fixed; Slack not answering is no health failure, and commands are still acknowledged.
 */
class BotTokenHealthTest {

    private static final String BOT_TOKEN = "xoxb-health-token-not-real";
    private static final String SECRET = "health-signing-secret-not-real";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private FakeSlack slack;
    private MaydayApp app;
    private CapturedLog tokenLog;
    private CapturedLog callLog;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startSlack() {
        slack = FakeSlack.start();
        tokenLog = CapturedLog.of(TokenCheck.class);
        callLog = CapturedLog.of(SlackCalls.class);
    }

    @AfterEach
    void stopEverything() {
        if (app != null) {
            app.close();
        }
        slack.close();
        tokenLog.close();
        callLog.close();
    }

    private void start(String token) {
        app = MaydayApp.start(new Config(token, SECRET, slack.apiUrl(), "jdbc:sqlite:" + dir.resolve("mayday.db"), 0,
                Optional.empty(), ZoneId.of("UTC")), Clock.systemUTC(), "127.0.0.1");
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void refuseAuthTest(String error) {
        slack.outage(call -> call.method().equals("auth.test") ? FakeAnswer.slackError(error) : null);
    }

    @Test
    void aBotToken_isOk() throws Exception {
        start(BOT_TOKEN);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(health().body()).contains("\"slack\":\"ok\""));
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(tokenLog.events()).isEmpty();
    }

    @Test
    void aTokenSlackRefuses_isOneErrorNamingTheSetting_andHealth503() throws Exception {
        refuseAuthTest("invalid_auth");

        start(BOT_TOKEN);

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> health = health();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"degraded\"").contains("\"slack\":\"invalid_auth\"")
                    .contains("\"store\":\"reachable\"");
        });
        assertThat(tokenLog.messages(Level.ERROR)).singleElement().asString()
                .contains("SLACK_BOT_TOKEN", "invalid_auth", "xoxb-…").doesNotContain(BOT_TOKEN);
    }

    @Test
    void aRevokedToken_saysSo() throws Exception {
        refuseAuthTest("token_revoked");

        start(BOT_TOKEN);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(health().body()).contains("\"slack\":\"token_revoked\""));
        assertThat(health().statusCode()).isEqualTo(503);
        assertThat(tokenLog.messages(Level.ERROR)).singleElement().asString().contains("SLACK_BOT_TOKEN");
    }

    @Test
    void aUserToken_isNotABotToken_andHealth503() throws Exception {
        String userToken = "xoxp-user-token-not-real";

        start(userToken);

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> health = health();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"slack\":\"not_a_bot_token\"");
        });
        assertThat(tokenLog.messages(Level.ERROR)).singleElement().asString()
                .contains("SLACK_BOT_TOKEN is not a bot token").doesNotContain(userToken);
    }

    @Test
    void slackUnreachable_isNoHealthFailure_andCommandsAreStillAcknowledged() throws Exception {
        slack.outage(FakeAnswer.httpError(503));

        try (CapturedLog sdk = CapturedLog.of(TeamIdCache.class)) {
            start(BOT_TOKEN);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(health().body())
                    .contains("\"slack\":\"unreachable\""));
            assertThat(sdk.events()).as("the SDK's team-id lookups (and their stack traces) are off").isEmpty();
        }
        assertThat(health().statusCode()).isEqualTo(200);
        SlackSimulator simulator = new SlackSimulator(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
                SECRET, slack::responseUrl);
        SlackSimulator.SlackReply reply = simulator.command("U0DECLARER", "C0GENERAL", "declare sev2 Database down");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Declaring incident #1");
        assertThat(tokenLog.messages(Level.ERROR)).isEmpty();
    }

    @Test
    void aRefusedToken_fixedInSlack_isOkAtTheNextCheck() {
        refuseAuthTest("account_inactive");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        try (Slack client = Slack.getInstance(config);
             TokenCheck check = new TokenCheck(new SlackGateway(client.methods(BOT_TOKEN),
                     new HotMethods(client, BOT_TOKEN), new RateLimitGate(Clock.systemUTC(), Sleeper.REAL),
                     RetryPolicy.SLACK_CALL, Sleeper.REAL, new Metrics().slackCalls()), BOT_TOKEN,
                     Duration.ofMillis(20)).start()) {
            await().atMost(PATIENCE).until(() -> check.status().refused());
            assertThat(check.status()).isEqualTo(TokenStatus.refused("account_inactive"));

            slack.endOutage();

            await().atMost(PATIENCE).until(() -> check.status().equals(TokenStatus.OK));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(tokenLog.messages(Level.ERROR)).as("one line, however often it was checked").hasSize(1);
        assertThat(tokenLog.messages(Level.INFO)).containsExactly("Slack accepts SLACK_BOT_TOKEN again");
    }
}
