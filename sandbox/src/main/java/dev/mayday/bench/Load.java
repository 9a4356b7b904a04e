package dev.mayday.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Closed-loop load: {@code clients} threads each send one request at a time, bounded by count and by time. */
final class Load {

    /** One client's way of sending request number {@code i}; answers the HTTP status (negative on I/O failure). */
    interface Client {
        int call(int i) throws Exception;
    }

    record Result(int count, int errors, long elapsedNanos, long[] sortedNanos) {

        double perSecond() {
            return elapsedNanos == 0 ? 0 : count * 1e9 / elapsedNanos;
        }

        double p(double quantile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double p50() {
            return p(0.50);
        }

        double p99() {
            return p(0.99);
        }

        double max() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    private Load() {
    }

    static Result run(int clients, int total, Duration cap, Supplier<Client> clientFactory) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            Client client = clientFactory.get();
            samples[me] = new long[Math.max(16, total / clients + 16)];
            Thread thread = new Thread(() -> {
                while (true) {
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                    int i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = client.call(i);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - t0;
                    if (status < 200 || status >= 300) {
                        errors.incrementAndGet();
                    }
                    if (counts[me] == samples[me].length) {
                        samples[me] = Arrays.copyOf(samples[me], samples[me].length * 2);
                    }
                    samples[me][counts[me]++] = took;
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                // every request has its own 10 s timeout, so this join is bounded
                thread.join(cap.toMillis() + 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long elapsed = System.nanoTime() - start;
        int n = 0;
        for (int count : counts) {
            n += count;
        }
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(n, errors.get(), elapsed, all);
    }
}
