package dev.mayday.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Slack work after the request that caused it has been acknowledged. One worker thread keeps the work in
 * submission order: an incident's channel exists before anything is posted to it.
 */
public final class AfterAck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mayday-slack-work");
        thread.setDaemon(true);
        return thread;
    });

    public void run(String what, Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (SlackCallFailed e) {
                log.warn("{} failed: {}", what, e.getMessage());
            } catch (RuntimeException e) {
                log.error("{} failed", what, e);
            }
        });
    }

    /** Waits until the work submitted so far is done (for orderly shutdown and tests). */
    public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            worker.submit(() -> { }).get(timeout, unit);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
