package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writers in a test: one holding the store's turn until the test lets it go, others queued behind it in order. */
final class QueuedWriters {

    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Starts a write that does {@code first}, then keeps the turn until {@link #release}; returns once it has it. */
    void holdTheTurn(Database db, Consumer<Database.Store> first) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> db.inTransaction(store -> {
            first.accept(store);
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "holder");
        threads.add(holder);
        holder.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts a writer and returns once it waits for the turn, so writers queue in the order they are started. */
    Thread queue(Runnable write) {
        Thread writer = new Thread(write, "writer-" + threads.size());
        threads.add(writer);
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING
                || writer.getState() == Thread.State.TIMED_WAITING || !writer.isAlive());
        return writer;
    }

    void release() {
        release.countDown();
    }

    boolean isHeld() {
        return release.getCount() > 0;
    }

    /** Lets the turn go and waits for every writer started here. */
    void stop() throws InterruptedException {
        release();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    static IncidentRow incident(String originKey) {
        return new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, originKey,
                IncidentRow.Place.declaredFrom("C0"), 1_000L);
    }
}
