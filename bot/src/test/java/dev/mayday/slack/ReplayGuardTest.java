package dev.mayday.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.mayday.db.Database;
import dev.mayday.request.HandledRequests;
import dev.mayday.slack.requests.ReplayGuard;
import dev.mayday.slack.requests.RequestOutcome;
import dev.mayday.slack.requests.SeenRequests;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay guard on its own, against a real store: what counts as seen, and what a failure gives back. */
class ReplayGuardTest {

    private static final String BODY = "command=%2Fincident&text=note+x&user_id=U0ALEX&channel_id=C0INC&trigger_id=t1";

    @TempDir
    Path dir;
    Database database;
    SeenRequests seen;
    final TestClock clock = new TestClock(Instant.parse("2026-03-14T09:30:00Z"));
    final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
    }

    @AfterEach
    void close() {
        if (seen != null) {
            seen.close();
        }
        database.close();
    }

    @Test
    void sameBytesAgain_areAcknowledgedWithoutReachingTheHandler() throws Exception {
        ReplayGuard guard = guard();

        assertThat(guard.apply(command(), Response.ok(), ok()).getStatusCode()).isEqualTo(200);
        Response replay = guard.apply(command(), Response.ok(), ok());

        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(replay.getBody()).contains(ReplayGuard.ALREADY_HANDLED);
        assertThat(handled).hasValue(1);
    }

    @Test
    void sameBodyWithAnotherTimestamp_isANewRequest() throws Exception {
        ReplayGuard guard = guard();

        guard.apply(command("1773480600"), Response.ok(), ok());
        guard.apply(command("1773480601"), Response.ok(), ok());

        assertThat(handled).hasValue(2);
    }

    @Test
    void handlerAnswering5xx_leavesNothingRecorded_soTheRetryIsHandled() throws Exception {
        ReplayGuard guard = guard();

        guard.apply(command(), Response.ok(), req -> {
            handled.incrementAndGet();
            return Response.json(503, Map.of("error", "busy"));
        });
        guard.apply(command(), Response.ok(), ok());

        assertThat(handled).hasValue(2);
    }

    @Test
    void handlerThrowing_leavesNothingRecorded_soTheRetryIsHandled() throws Exception {
        ReplayGuard guard = guard();

        assertThatThrownBy(() -> guard.apply(command(), Response.ok(), req -> {
            throw new IllegalStateException("store failed");
        })).isInstanceOf(IllegalStateException.class);
        guard.apply(command(), Response.ok(), ok());

        assertThat(handled).hasValue(1);
        seen.close();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void handlerAnswering200ButNotCarriedOut_leavesNothingRecorded() throws Exception {
        ReplayGuard guard = guard();

        guard.apply(command(), Response.ok(), req -> {
            handled.incrementAndGet();
            RequestOutcome.notCarriedOut(req.getContext());
            return Response.ok(":x: Mayday could not save that");
        });
        guard.apply(command(), Response.ok(), ok());

        assertThat(handled).hasValue(2);
    }

    @Test
    void carriedOutBeforeARestart_isAReplayAfterIt_butWhatWasOnlyBeingHandledIsNot() throws Exception {
        SeenRequests before = new SeenRequests(new HandledRequests(database), clock);
        before.claim(SeenRequests.digest("1773480600", BODY));
        String finished = SeenRequests.digest("1773480601", BODY);
        before.claim(finished);
        before.done(finished);
        before.close();

        ReplayGuard restarted = guard();
        restarted.apply(command("1773480600"), Response.ok(), ok());
        Response replay = restarted.apply(command("1773480601"), Response.ok(), ok());

        assertThat(handled).hasValue(1);
        assertThat(replay.getBody()).contains(ReplayGuard.ALREADY_HANDLED);
    }

    @Test
    void sameBytesWhileTheFirstIsBeingHandled_get409_andTheFirstCompletes() throws Exception {
        ReplayGuard guard = guard();
        AtomicReference<Response> second = new AtomicReference<>();

        Response first = guard.apply(command(), Response.ok(), req -> {
            second.set(guard.apply(command(), Response.ok(), ok()));
            return ok().next(req);
        });

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(second.get().getStatusCode()).isEqualTo(409);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aDigestPastItsWindow_isNoLongerSeen_andExpiredRowsArePrunedAsNewOnesAreWritten() {
        SeenRequests before = new SeenRequests(new HandledRequests(database), clock);
        for (int i = 0; i < 5; i++) {
            String digest = SeenRequests.digest(String.valueOf(i), BODY);
            before.claim(digest);
            before.done(digest);
        }
        before.close();
        assertThat(rows()).isEqualTo(5);
        clock.advance(SeenRequests.KEPT_FOR.plus(SeenRequests.PRUNE_EVERY).plus(Duration.ofSeconds(1)));

        SeenRequests after = new SeenRequests(new HandledRequests(database), clock);
        assertThat(after.claim(SeenRequests.digest("0", BODY))).isEqualTo(SeenRequests.Seen.FIRST);
        String fresh = SeenRequests.digest("new", BODY);
        after.claim(fresh);
        after.done(fresh);
        after.close();

        assertThat(rows()).isEqualTo(1);
    }

    private ReplayGuard guard() {
        seen = new SeenRequests(new HandledRequests(database), clock);
        return new ReplayGuard(seen);
    }

    private MiddlewareChain ok() {
        return req -> {
            handled.incrementAndGet();
            return Response.ok();
        };
    }

    private static Request<?> command() {
        return command("1773480600");
    }

    private static Request<?> command(String timestamp) {
        return new SlashCommandRequest(BODY, new RequestHeaders(Map.of(
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(timestamp))));
    }

    private int rows() {
        return database.read(store -> store.seenRequests().count());
    }
}
