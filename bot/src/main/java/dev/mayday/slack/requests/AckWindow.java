package dev.mayday.slack.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps Slack's 3-second promise when the store is slow. Work that stores something waits for its turn to write,
 * and in a storm that wait can outlast Slack's patience: the person would see {@code operation_timeout}, think it
 * failed and declare again (a new trigger, so a second incident) while the first is stored after all. So a request's
 * work runs here, and when it has not finished within the window the request is acknowledged with an interim word
 * instead; the work goes on and its answer follows through the response URL. Nothing is refused for being slow,
 * and what was acknowledged as coming is either stored or answered with why not.
 */
public final class AckWindow implements AutoCloseable {

    /** Slack waits 3 s for an ack; half a second is left for the answer to travel back. */
    public static final Duration SLACK = Duration.ofMillis(2_500);

    private static final Duration IDLE_THREADS_KEPT = Duration.ofSeconds(3);
    /**
     * How long a stop waits for work still storing after its request was acknowledged "still saving": the HTTP server
     * has already let the requests in flight finish, so this is only the late tail, and the stop has a deadline.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(AckWindow.class);

    private final Duration window;
    private final AtomicInteger threadNumber = new AtomicInteger();
    // unbounded in count, bounded in practice: one per request thread waiting here, plus late work that the store's
    // writer queue itself bounds (refused past its limit, given up after its last resort). Idle threads go after a few
    // seconds, so a burst's threads do not stay resident.
    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREADS_KEPT.toSeconds(),
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread thread = new Thread(r, "mayday-request-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public AckWindow(Duration window) {
        this.window = window;
    }

    /**
     * Runs {@code work} and answers what it answers when that comes within the window; otherwise answers
     * {@code interim} now and hands the work's answer to {@code late} when it comes. {@code work} must not throw:
     * it turns its own failures into an answer.
     */
    public <T> T answer(Supplier<T> work, T interim, Consumer<T> late) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(work, workers);
        try {
            return result.get(window.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            later(result, late);
            return interim;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            later(result, late);
            return interim;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static <T> void later(CompletableFuture<T> result, Consumer<T> late) {
        result.thenAccept(late).exceptionally(e -> {
            log.warn("Could not send a late answer: {}", e.toString());
            return null;
        });
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
