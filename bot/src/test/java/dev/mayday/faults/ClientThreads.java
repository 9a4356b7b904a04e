package dev.mayday.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Client threads sending one request after another, a few milliseconds apart, until stopped. */
final class ClientThreads {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong busyNanos = new AtomicLong();
    private volatile boolean stopped;

    private ClientThreads() {
    }

    /** {@code threads} threads, each calling {@code request} with its own Random (from {@code seed}) in a loop. */
    static ClientThreads start(String name, int threads, long seed, Consumer<Random> request) {
        ClientThreads clients = new ClientThreads();
        for (int i = 0; i < threads; i++) {
            Random rng = new Random(seed * 31 + i);
            Thread thread = new Thread(() -> {
                while (!clients.stopped) {
                    long began = System.nanoTime();
                    request.accept(rng);
                    clients.requests.incrementAndGet();
                    clients.busyNanos.addAndGet(System.nanoTime() - began);
                    pause(1 + rng.nextInt(6));
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            clients.threads.add(thread);
            thread.start();
        }
        return clients;
    }

    /** How many requests were sent, and their mean round trip, for the log. */
    String sent() {
        int n = requests.get();
        return n + " requests (mean " + (n == 0 ? 0 : busyNanos.get() / n / 1_000_000) + " ms)";
    }

    /** Stops the clients and waits for them; a request in flight ends within its own timeout. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop");
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
