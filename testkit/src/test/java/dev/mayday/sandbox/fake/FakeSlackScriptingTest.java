package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The fake's scripted answers: queued per method, an outage chosen per call, late and dropped answers. */
class FakeSlackScriptingTest {

    private FakeSlack slack;
    private FakeSlackClient client;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        client = new FakeSlackClient(slack);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void rate_limited_answer_then_normal_behaviour() throws Exception {
        slack.enqueue("chat.postMessage", FakeAnswer.rateLimited(5));

        FakeSlackClient.Reply limited = client.form("chat.postMessage", Map.of("channel", "C1", "text", "hi"));
        FakeSlackClient.Reply normal = client.form("chat.postMessage", Map.of("channel", "C1", "text", "hi"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.response().headers().firstValue("Retry-After")).hasValue("5");
        assertThat(limited.json().path("error").asText()).isEqualTo("ratelimited");
        assertThat(normal.status()).isEqualTo(200);
        assertThat(normal.json().path("ok").asBoolean()).isTrue();
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(slack.messages("C1")).hasSize(1);
        assertThat(slack.transcript()).containsExactly(
                "! chat.postMessage → 429 (Retry-After 5)",
                "  C1  hi");
    }

    @Test
    void other_scripted_failures() throws Exception {
        slack.enqueue("conversations.create", FakeAnswer.httpError(500));
        slack.enqueue("conversations.create", FakeAnswer.slackError("restricted_action"));
        slack.enqueue("conversations.create", FakeAnswer.dropConnection());
        slack.enqueue("conversations.create", FakeAnswer.delayed(Duration.ofMillis(150)));

        assertThat(client.form("conversations.create", Map.of("name", "x")).status()).isEqualTo(500);
        assertThat(client.error("conversations.create", Map.of("name", "x"))).isEqualTo("restricted_action");
        assertThatThrownBy(() -> client.form("conversations.create", Map.of("name", "x"))).isInstanceOf(IOException.class);
        long started = System.nanoTime();
        assertThat(client.form("conversations.create", Map.of("name", "x")).json().path("ok").asBoolean()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        assertThat(slack.calls("conversations.create")).hasSize(4);
        assertThat(slack.transcript()).containsExactly(
                "! conversations.create → 500",
                "! conversations.create → restricted_action",
                "! conversations.create → connection dropped",
                "+ #x created (public)");
    }

    @Test
    void answeredLate_actsAtOnceAndAnswersAfterTheDelay() throws Exception {
        slack.enqueue("conversations.create", FakeAnswer.answeredLate(Duration.ofSeconds(3)));

        CompletableFuture<FakeSlackClient.Reply> late = CompletableFuture.supplyAsync(() -> {
            try {
                return client.form("conversations.create", Map.of("name", "inc-late", "is_private", "true"));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(2)).until(() -> slack.channelByName("inc-late").isPresent());
        assertThat(late).as("the answer is still on its way while the channel exists").isNotDone();
        assertThat(client.error("conversations.create", Map.of("name", "inc-late"))).isEqualTo("name_taken");
        JsonNode answer = late.get(10, java.util.concurrent.TimeUnit.SECONDS).json();
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("channel").path("is_private").asBoolean()).isTrue();
        assertThat(answer.path("channel").path("creator").asText()).isEqualTo(slack.botUserId());
    }

    @Test
    void outage_chosenPerCall_playsATimelineOnTheFakesOwnClock() throws Exception {
        Instant start = Instant.parse("2026-03-14T09:30:00Z");
        TestClock clock = new TestClock(start);
        slack.close();
        slack = FakeSlack.start(clock);
        client = new FakeSlackClient(slack);
        slack.outage(call -> call.receivedAt().isBefore(start.plusSeconds(20)) ? FakeAnswer.rateLimited(5) : null);

        HttpResponse<String> limited = client.form("auth.test", Map.of()).response();
        clock.advance(Duration.ofSeconds(20));
        FakeSlackClient.Reply normal = client.form("auth.test", Map.of());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("5");
        assertThat(normal.json().path("ok").asBoolean()).isTrue();
        assertThat(slack.calls("auth.test")).extracting(SlackCall::receivedAt)
                .containsExactly(start, start.plusSeconds(20));
    }
}
