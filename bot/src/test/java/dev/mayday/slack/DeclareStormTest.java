package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.SlackCall;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 11: a storm of declarations is when people most need to be heard; none is refused for the store being slow. */
class DeclareStormTest {

    private static final int DECLARES = 200;
    private static final int CLIENTS = 32;

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @AfterEach
    void stop() {
        release.countDown();
    }

    /**
     * A slow write holds the store while the burst arrives, longer than the 2 s the old store let a writer wait
     * before refusing it ("the store is busy"). Every declaration is now acknowledged (in time, with an interim word
     * when its turn is slow to come), stored once, and the ones answered "still saving" get their answer after.
     */
    @Test
    void declareBurst_fromManyClients_whileAWriteHoldsTheStore_isAllAcknowledgedAndStored_noneRefused() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        holdTheStoreUntil(() -> sent.get() >= CLIENTS, Duration.ofSeconds(3));
        SlackSimulator simulator = sandbox.simulator;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<SlackReply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < DECLARES; i++) {
                int n = i;
                replies.add(clients.submit(() -> {
                    Map<String, String> form = simulator.commandForm("U0STORM", sandbox.generalChannel,
                            "declare sev2 Storm " + n, "storm-trigger-" + n);
                    form.put("response_url", sandbox.slack.responseUrl("storm-" + n));
                    sent.incrementAndGet();
                    return simulator.post("application/x-www-form-urlencoded", SlackSimulator.formEncode(form),
                            Instant.now());
                }));
            }
            List<Integer> interim = new ArrayList<>();
            for (int i = 0; i < DECLARES; i++) {
                SlackReply reply = replies.get(i).get(60, TimeUnit.SECONDS);
                assertThat(reply.status()).as("declare %d", i).isEqualTo(200);
                assertThat(reply.text()).as("declare %d", i).doesNotContain(":x:")
                        .containsAnyOf("Declaring incident #", "still saving");
                if (reply.text().contains("still saving")) {
                    interim.add(i);
                }
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.incidents().size() == DECLARES);
            assertThat(sandbox.incidents()).extracting(Incident::title)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, DECLARES).mapToObj(i -> "Storm " + i).toList());
            for (int i : interim) {
                String id = "storm-" + i;
                await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.slack.calls("response_url").stream()
                        .filter(call -> id.equals(call.param("id"))).map(SlackCall::params).map(Object::toString)
                        .anyMatch(text -> text.contains("Declaring incident #")));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The declare form has the same 3 s to be answered. While a write holds the store longer than that, the form is
     * closed (acknowledged without errors) before the declaration is stored, and the declaration then goes on: it is
     * stored and its declarer hears by direct message that the channel is live.
     */
    @Test
    void declareForm_whileAWriteHoldsTheStore_isClosedBeforeItIsStored_thenStoredAndAnswered() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        holdTheStoreUntil(() -> sent.get() >= 1, Duration.ofSeconds(8));

        sent.incrementAndGet();
        SlackReply reply = sandbox.simulator.submitDeclareForm("U0STORM", "V-storm", sandbox.generalChannel,
                "Checkout down in the storm", "SEV1", null, false);
        // a plain read: Sandbox.incidents() reads in a transaction, which would queue behind the declaration itself
        int storedWhenAnswered = sandbox.app.database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM incidents").mapTo(Integer.class).one());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).doesNotContain("errors");
        assertThat(storedWhenAnswered).as("incidents stored when the form was answered").isZero();
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.incidents().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.slack.calls("chat.postMessage").stream()
                .anyMatch(call -> "U0STORM".equals(call.param("channel"))
                        && String.valueOf(call.param("text")).contains("is live in <#")));
    }

    /** A transaction that takes the store's turn, waits for {@code until}, then keeps it {@code hold} more. */
    private void holdTheStoreUntil(java.util.function.BooleanSupplier until, Duration hold) throws InterruptedException {
        Database database = sandbox.app.database();
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> database.inTransaction(store -> {
            holding.countDown();
            try {
                for (int i = 0; i < 300 && !until.getAsBoolean(); i++) {
                    Thread.sleep(100);
                }
                // longer than the old 2 s patience, so each writer already queued would have been refused
                release.await(hold.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "store-holder");
        holder.setDaemon(true);
        holder.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
