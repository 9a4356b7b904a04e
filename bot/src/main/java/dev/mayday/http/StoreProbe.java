package dev.mayday.http;

import dev.mayday.db.Database;
import dev.mayday.db.Writability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers "does the store take writes?" for a health check that is polled. At most one probe runs at a time, and a
 * finished one is reused for {@link #REUSE_FOR}, so polls add at most one tiny write a second whatever their rate. A
 * probe that has not finished within {@link #ANSWER_WITHIN} is answered "busy": it is waiting its turn behind real
 * writes, which is not a failure, and a health check should not hang on it. Unless the last probe that finished found
 * the store not writable: a server that has gone away keeps each probe waiting for a connection, and that is no
 * reason to call the store healthy again.
 */
public final class StoreProbe implements AutoCloseable {

    static final Duration ANSWER_WITHIN = Duration.ofMillis(300);
    static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final Database database;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mayday-store-probe");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Writability> latest;
    /** What the last probe that finished found; writable until one has. */
    private volatile Writability lastFound = Writability.writable();
    private Instant startedAt = Instant.MIN;

    public StoreProbe(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Writability check() {
        CompletableFuture<Writability> probe = current();
        try {
            return probe.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (lastFound.state() == Writability.State.NOT_WRITABLE) {
                return lastFound;
            }
            return Writability.busy("no turn to write within " + ANSWER_WITHIN.toMillis() + " ms: other writes are queued");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Writability.busy("interrupted while probing the store");
        } catch (ExecutionException e) {
            return Writability.notWritable(String.valueOf(e.getCause().getMessage()));
        }
    }

    /** The running probe, a finished one young enough to reuse, or a new one. */
    private synchronized CompletableFuture<Writability> current() {
        Instant now = clock.instant();
        boolean reusable = latest != null && (!latest.isDone() || now.isBefore(startedAt.plus(REUSE_FOR)));
        if (!reusable) {
            latest = CompletableFuture.supplyAsync(database::probeWrite, worker)
                    .whenComplete((found, failed) -> lastFound = found != null ? found
                            : Writability.notWritable(String.valueOf(failed.getMessage())));
            startedAt = now;
        }
        return latest;
    }

    /** The kind of store probed ("sqlite", "postgresql"), for the health answer. */
    public String storeKind() {
        return database.kind().label();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
