package dev.mayday.store;

import dev.mayday.MaydayApp;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.slack.requests.ReplayGuard;
import dev.mayday.support.Sandbox;
import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two servers on one PostgreSQL database, as two processes behind a load balancer: the same signed slash command
 * reaching both (at once, or one after the other, as a replay or a retry sent elsewhere) is carried out once.
 */
class TwoServersOnePostgresTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    TestPostgres.Scratch database;
    Sandbox sandbox;
    SlackSimulator other;

    @BeforeEach
    void start() {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server to run on (see TestPostgres)").isPresent();
        database = TestPostgres.server().orElseThrow().createDatabase();
        sandbox = Sandbox.startOnStore(database.url());
        MaydayApp second = sandbox.startAnotherServer();
        other = sandbox.simulatorFor(second);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSameCommand_sentToOneServerThenTheOther_isCarriedOutOnce_andTheSecondSaysHandledAlready() {
        String body = declareCommand("trigger-one-after-the-other");
        Instant signedAt = Instant.now();

        SlackReply first = sandbox.simulator.post(FORM, body, signedAt);
        SlackReply second = other.post(FORM, body, signedAt);

        assertThat(first.text()).contains("Declaring incident #1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).isEqualTo(ReplayGuard.ALREADY_HANDLED);
        assertThat(sandbox.incidents()).hasSize(1);
    }

    @Test
    void theSameCommand_sentToBothServersAtOnce_isCarriedOutOnce() throws Exception {
        String body = declareCommand("trigger-at-once");
        Instant signedAt = Instant.now();
        List<SlackSimulator> servers = List.of(sandbox.simulator, other);
        CyclicBarrier together = new CyclicBarrier(servers.size());
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        List<SlackReply> replies = new ArrayList<>();
        try {
            List<Future<SlackReply>> sent = new ArrayList<>();
            for (SlackSimulator server : servers) {
                sent.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return server.post(FORM, body, signedAt);
                }));
            }
            for (Future<SlackReply> reply : sent) {
                replies.add(reply.get(20, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies).filteredOn(reply -> reply.text().contains("Declaring incident #1")).hasSize(1);
        assertThat(replies).filteredOn(reply -> !reply.text().contains("Declaring incident #1"))
                .singleElement().satisfies(reply -> assertThat(reply.status() == 409
                        || reply.text().equals(ReplayGuard.ALREADY_HANDLED)).as(reply.toString()).isTrue());
        assertThat(sandbox.incidents()).hasSize(1);
    }

    @Test
    void oneDeclaration_submittedAgainWithANewSignatureToTheOtherServerAtOnce_declaresOneIncident() throws Exception {
        // not a replay (another timestamp, so another digest): the declaration's own key (its trigger) decides
        String body = declareCommand("trigger-double-submit");
        Instant now = Instant.now();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<SlackReply> replies = new ArrayList<>();
        try {
            Future<SlackReply> one = pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return sandbox.simulator.post(FORM, body, now);
            });
            Future<SlackReply> two = pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return other.post(FORM, body, now.minusSeconds(1));
            });
            replies.add(one.get(20, TimeUnit.SECONDS));
            replies.add(two.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        sandbox.settle();

        assertThat(replies).extracting(SlackReply::status).containsOnly(200);
        assertThat(sandbox.incidents()).hasSize(1);
    }

    private String declareCommand(String triggerId) {
        return SlackSimulator.formEncode(sandbox.simulator.commandForm("U0ALEX", sandbox.generalChannel,
                "declare sev2 Checkout is down", triggerId));
    }
}
