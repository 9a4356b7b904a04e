package dev.mayday.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;
import dev.mayday.request.HandledRequests;
import dev.mayday.slack.requests.ReplayGuard;
import dev.mayday.slack.requests.SeenRequests;
import dev.mayday.support.SharedStore;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two processes' replay guards on one shared store (each its own {@link Database}, as two servers behind a load
 * balancer): the same signed bytes are carried out once, whichever process they reach and whenever.
 */
class SharedReplayGuardTest {

    private static final String BODY = "command=%2Fincident&text=note+x&user_id=U0ALEX&channel_id=C0INC&trigger_id=t1";

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
    final AtomicInteger handled = new AtomicInteger();
    final List<SeenRequests> seen = new ArrayList<>();
    SharedStore store;

    @AfterEach
    void close() throws Exception {
        seen.forEach(SeenRequests::close);
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void oneAfterTheOther_theSecondProcessAnswersHandledAlready(StoreKind kind) throws Exception {
        store = SharedStore.create(kind, dir);
        ReplayGuard first = guard(store.open());
        ReplayGuard second = guard(store.open());

        assertThat(first.apply(command(), Response.ok(), ok()).getStatusCode()).isEqualTo(200);
        Response replay = second.apply(command(), Response.ok(), ok());

        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(replay.getBody()).contains(ReplayGuard.ALREADY_HANDLED);
        assertThat(handled).hasValue(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void whileTheFirstProcessHandlesIt_theSecondAnswers409(StoreKind kind) throws Exception {
        store = SharedStore.create(kind, dir);
        ReplayGuard first = guard(store.open());
        ReplayGuard second = guard(store.open());
        AtomicReference<Response> meanwhile = new AtomicReference<>();

        Response answered = first.apply(command(), Response.ok(), req -> {
            meanwhile.set(second.apply(command(), Response.ok(), ok()));
            return ok().next(req);
        });

        assertThat(answered.getStatusCode()).isEqualTo(200);
        assertThat(meanwhile.get().getStatusCode()).isEqualTo(409);
        assertThat(handled).hasValue(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void sentToFourProcessesAtTheSameInstant_isCarriedOutOnce(StoreKind kind) throws Exception {
        store = SharedStore.create(kind, dir);
        List<ReplayGuard> guards = List.of(guard(store.open()), guard(store.open()), guard(store.open()),
                guard(store.open()));
        CyclicBarrier together = new CyclicBarrier(guards.size());
        ExecutorService pool = Executors.newFixedThreadPool(guards.size());
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (ReplayGuard guard : guards) {
                sent.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return guard.apply(command(), Response.ok(), ok());
                }));
            }
            for (Future<Response> answer : sent) {
                answers.add(answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(handled).hasValue(1);
        assertThat(answers).extracting(Response::getStatusCode).allSatisfy(status -> assertThat(status).isIn(200, 409));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == 200)
                .filteredOn(answer -> answer.getBody() == null || !answer.getBody().contains(ReplayGuard.ALREADY_HANDLED))
                .as("carried out by one process").hasSize(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void failedOnOneProcess_theRetryOnAnotherIsHandled(StoreKind kind) throws Exception {
        store = SharedStore.create(kind, dir);
        ReplayGuard first = guard(store.open());
        ReplayGuard second = guard(store.open());

        assertThatThrownBy(() -> first.apply(command(), Response.ok(), req -> {
            throw new IllegalStateException("store failed");
        })).isInstanceOf(IllegalStateException.class);
        Response retried = second.apply(command(), Response.ok(), ok());

        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(String.valueOf(retried.getBody())).doesNotContain(ReplayGuard.ALREADY_HANDLED);
        assertThat(handled).hasValue(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void aClaimWhoseProcessDied_isTakenOverOnceItsLeaseRunsOut(StoreKind kind) throws Exception {
        store = SharedStore.create(kind, dir);
        SeenRequests died = seen(store.open());
        String digest = SeenRequests.digest("1773480600", BODY);
        assertThat(died.claim(digest)).isEqualTo(SeenRequests.Seen.FIRST); // and never done nor released
        ReplayGuard other = guard(store.open());

        assertThat(other.apply(command(), Response.ok(), ok()).getStatusCode()).as("within the lease").isEqualTo(409);
        clock.advance(HandledRequests.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
        assertThat(other.apply(command(), Response.ok(), ok()).getStatusCode()).isEqualTo(200);

        assertThat(handled).hasValue(1);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(SharedStore.KINDS)
    void aProcessThatOverranItsClaimAndThenFailed_doesNotLetGoOfTheClaimAnotherTookOver(StoreKind kind)
            throws Exception {
        store = SharedStore.create(kind, dir);
        SeenRequests slow = seen(store.open());
        String digest = SeenRequests.digest("1773480600", BODY);
        assertThat(slow.claim(digest)).isEqualTo(SeenRequests.Seen.FIRST);
        clock.advance(HandledRequests.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
        ReplayGuard taker = guard(store.open());
        ReplayGuard third = guard(store.open());
        AtomicReference<Response> meanwhile = new AtomicReference<>();

        Response answered = taker.apply(command(), Response.ok(), req -> {
            slow.release(digest); // the slow process fails at last, while the taker handles the request
            meanwhile.set(third.apply(command(), Response.ok(), ok()));
            return ok().next(req);
        });

        assertThat(answered.getStatusCode()).isEqualTo(200);
        assertThat(meanwhile.get().getStatusCode()).as("the taker's claim still holds").isEqualTo(409);
        assertThat(handled).hasValue(1);
    }

    @Test
    void onSqlite_nothingIsWrittenBeforeARequestIsHandled() throws Exception {
        store = SharedStore.create(StoreKind.SQLITE, dir);
        Database database = store.open();
        assertThat(new HandledRequests(database).shared()).isFalse();
        SeenRequests local = new SeenRequests(new HandledRequests(database), clock);
        seen.add(local);

        assertThat(local.claim(SeenRequests.digest("1773480600", BODY))).isEqualTo(SeenRequests.Seen.FIRST);

        assertThat((int) database.read(s -> s.seenRequests().count())).isZero();
    }

    private SeenRequests seen(Database database) {
        SeenRequests requests = new SeenRequests(new HandledRequests(database, true), clock);
        seen.add(requests);
        return requests;
    }

    private ReplayGuard guard(Database database) {
        return new ReplayGuard(seen(database));
    }

    private MiddlewareChain ok() {
        return req -> {
            handled.incrementAndGet();
            return Response.ok();
        };
    }

    private static Request<?> command() {
        return new SlashCommandRequest(BODY, new RequestHeaders(Map.of(
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of("1773480600"))));
    }
}
