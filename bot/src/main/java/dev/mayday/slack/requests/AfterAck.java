package dev.mayday.slack.requests;

import dev.mayday.slack.api.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the replies to the person who made a request (a form, an ephemeral answer through {@code response_url}) after
 * the request has been acknowledged, in submission order. Nothing else: whatever else a request makes happen outside
 * (in a channel, in PagerDuty, in someone's Home or direct messages) is an outbox publication.
 */
public final class AfterAck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(1);
    private volatile boolean stopping;
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
                if (stopping) {
                    log.info("{} was dropped by the stop: {}", what, e.toString());
                } else {
                    log.error("{} failed", what, e);
                }
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

    /**
     * Waits {@link #STOP_GRACE} for the replies under way; a reply still waiting on a hanging Slack then is dropped
     * (it only tells the person what the stored change already shows), so that a stop keeps its deadline.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping = true;
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
