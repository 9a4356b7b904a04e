package dev.mayday.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.metrics.Metrics;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.retry.SharedPauses;
import dev.mayday.retry.Sleeper;
import dev.mayday.retry.StoredPauses;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.slack.api.HotMethods;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.support.SharedStore;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 429 from Slack seen by one process pauses that method for every process on the store: two gateways, each with its
 * own {@link Database} on one store (as two servers behind a load balancer), against the fake Slack.
 */
class SharedRateLimitTest {

    private static final String TOKEN = "xoxb-test-token-not-real";
    private static final int RETRY_AFTER_SECONDS = 2;
    private static final String POST = "chat.postMessage";

    @TempDir
    Path dir;
    FakeSlack slack;
    Slack client;
    SharedStore store;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void a429SeenByOneProcess_holdsTheOtherBackFromThatMethodUntilRetryAfter(StoreKind kind) {
        store = SharedStore.create(kind, dir);
        slack = FakeSlack.start(Clock.systemUTC());
        String channel = slack.createChannelDirectly("incidents", false, "U0ADMIN").id();
        SlackGateway first = gateway(store.open(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        RateLimitGate otherGate = new RateLimitGate(Clock.systemUTC(), Sleeper.REAL, new StoredPauses(store.open()));
        SlackGateway other = gateway(otherGate, RetryPolicy.SLACK_CALL);

        slack.enqueue(POST, FakeAnswer.rateLimited(RETRY_AFTER_SECONDS));
        assertThatThrownBy(() -> first.postMessage(channel, "from the first process", List.of()))
                .isInstanceOf(SlackCallFailed.class).hasMessageContaining("http_429");
        Instant limited = slack.calls(POST).get(0).receivedAt();

        assertThat(otherGate.remaining("chat.update")).as("another method is not held back").isZero();
        other.postMessage(channel, "from the other process", List.of());

        List<SlackCall> posts = slack.calls(POST);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).receivedAt()).as("the other process's post, sent after the Retry-After")
                .isAfterOrEqualTo(limited.plusSeconds(RETRY_AFTER_SECONDS));
        assertThat(slack.messages(channel)).singleElement()
                .satisfies(message -> assertThat(message.text()).isEqualTo("from the other process"));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void aShorterPauseStoredLater_neverShortensALongerOne(StoreKind kind) {
        store = SharedStore.create(kind, dir);
        StoredPauses one = new StoredPauses(store.open());
        StoredPauses two = new StoredPauses(store.open());
        Instant now = Instant.parse("2026-03-14T09:30:00Z");

        one.pause(POST, now.plusSeconds(30));
        two.pause(POST, now.plusSeconds(5));
        two.pause("views.publish", now.plusSeconds(3));

        assertThat(one.current(now)).containsEntry(POST, now.plusSeconds(30))
                .containsEntry("views.publish", now.plusSeconds(3));
        assertThat(two.current(now.plusSeconds(10))).containsOnlyKeys(POST);
    }

    @Test
    void theStoreIsReadAtMostOncePerRefresh_however_manyCallsAsk() {
        TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
        CountingPauses elsewhere = new CountingPauses();
        RateLimitGate gate = new RateLimitGate(clock, Sleeper.REAL, elsewhere);

        for (int call = 0; call < 1_000; call++) {
            assertThat(gate.remaining(POST)).isZero();
        }
        assertThat(elsewhere.reads).hasValue(1);

        elsewhere.pause(POST, clock.instant().plusSeconds(5)); // another process's 429
        clock.advance(RateLimitGate.SHARED_REFRESH.minusMillis(1));
        assertThat(gate.remaining(POST)).as("read before the other process's 429, and still trusted").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(gate.remaining(POST)).isEqualTo(Duration.ofSeconds(5).minus(RateLimitGate.SHARED_REFRESH));
        assertThat(elsewhere.reads).hasValue(2);
    }

    @Test
    void theStoreAway_thePausesOfThisProcessStillHold() {
        TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
        SharedPauses away = new SharedPauses() {
            @Override
            public void pause(String key, Instant until) {
                throw new IllegalStateException("the database is gone");
            }

            @Override
            public Map<String, Instant> current(Instant now) {
                throw new IllegalStateException("the database is gone");
            }
        };
        RateLimitGate gate = new RateLimitGate(clock, Sleeper.REAL, away);

        gate.close(POST, Duration.ofSeconds(5));

        assertThat(gate.remaining(POST)).isEqualTo(Duration.ofSeconds(5));
    }

    private SlackGateway gateway(Database database, RetryPolicy retries) {
        return gateway(new RateLimitGate(Clock.systemUTC(), Sleeper.REAL, new StoredPauses(database)), retries);
    }

    private SlackGateway gateway(RateLimitGate gate, RetryPolicy retries) {
        if (client == null) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slack.apiUrl());
            config.setStatsEnabled(false);
            client = Slack.getInstance(config);
        }
        return new SlackGateway(client.methods(TOKEN), new HotMethods(client, TOKEN), gate, retries, Sleeper.REAL,
                new Metrics().slackCalls());
    }

    /** The store as another process writes it, counting this process's reads. */
    private static final class CountingPauses implements SharedPauses {

        final AtomicInteger reads = new AtomicInteger();
        private final Map<String, Instant> pauses = new HashMap<>();

        @Override
        public synchronized void pause(String key, Instant until) {
            pauses.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public synchronized Map<String, Instant> current(Instant now) {
            reads.incrementAndGet();
            return Map.copyOf(pauses);
        }
    }
}
