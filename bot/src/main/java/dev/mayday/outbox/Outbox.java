package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: every publication, to whichever service its {@link Delivery} talks to. One scheduler picks
 * the oldest due row of each {@link Lane}; a small pool delivers them, never two rows of the same lane at once, so
 * (for example) each incident's channel sees its changes in order while a slow or failing incident does not hold up
 * the others. A transient failure waits with a growing backoff (up
 * to a minute) and tries again, for as long as Slack is out; a refusal that will not heal is recorded as FAILED,
 * unless the delivery asks to {@linkplain DeliveryError#retrySlowly() retry slowly} (an incident's channel must be made
 * in the end): then it waits minutes between tries, for as long as it takes. Rows left pending by a stopped process
 * are delivered when the next one starts. Each try is counted in the row before it starts, so the delivery of a row
 * tried before knows to look for what that try may have done ({@link Attempt#isRetry()}).
 * <p>
 * Changes wake it ({@link #wake()}) right after they commit; without a wake it finds new rows at its next poll.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    /**
     * Every change and every finished delivery wakes the scheduler; under load, scanning again on each of those would
     * cost more than the deliveries. Wakes within this gap of the last scan are served by the next one.
     */
    private static final long MIN_SCAN_GAP_MILLIS = 10;
    private static final RetryPolicy BACKOFF = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));
    /** For {@link DeliveryError#retrySlowly()}: an incident channel Slack refused is asked for again, but rarely. */
    private static final RetryPolicy SLOW_BACKOFF = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMinutes(1),
            Duration.ofMinutes(15));
    private static final int MAX_ATTEMPTS_AFTER_A_BUG = 5;
    /**
     * How long a stop waits for deliveries already talking to Slack or PagerDuty. A hanging service must not hold the
     * process past its stop deadline: a delivery still running then is left, its row pending (its attempt counted), for
     * the next start to finish, looking first for what this try may have done.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final Database database;
    private final Deliveries deliveries;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final Set<String> busyLanes = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final Thread scheduler;
    private boolean woken;
    private volatile boolean running = true;
    /** Set when a stop leaves the deliveries still running: what they end with is no longer recorded or reported. */
    private volatile boolean abandoned;

    public Outbox(Database database, Deliveries deliveries, Clock clock, int workerCount) {
        this.database = database;
        this.deliveries = deliveries;
        this.clock = clock;
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemon("mayday-outbox-worker"));
        this.scheduler = daemon("mayday-outbox").newThread(this::schedule);
    }

    public void start() {
        scheduler.start();
    }

    /** True once nothing is pending or being delivered (FAILED rows count as done); false after the timeout. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (busyLanes.isEmpty() && database.read(store -> store.outbox().pendingCount()) == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void schedule() {
        while (running) {
            try {
                long scanStarted = System.nanoTime();
                if (workers.getQueue().size() < workers.getCorePoolSize()) {
                    List<OutboxRow> due = database.read(store -> store.outbox().due(clock.millis(), 100));
                    for (OutboxRow row : due) {
                        if (busyLanes.add(row.lane())) {
                            workers.execute(() -> deliverOrRecordBug(row));
                        }
                    }
                    awaitSignal(nextPoll());
                } else {
                    // every worker has rows waiting for it already: a scan now would find only more of the same
                    // backlog, and costs a pass over every pending row; the next finished delivery wakes this
                    awaitSignal(IDLE_POLL);
                }
                long sinceScan = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scanStarted);
                if (sinceScan < MIN_SCAN_GAP_MILLIS) {
                    Thread.sleep(MIN_SCAN_GAP_MILLIS - sinceScan);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RejectedExecutionException e) {
                return; // closing: the workers took no more rows, and the rows stay pending for the next start
            } catch (RuntimeException e) {
                log.error("Outbox scheduler could not read the store; trying again", e);
                sleepQuietly(IDLE_POLL);
            }
        }
    }

    private void deliver(OutboxRow row) {
        Publication publication = Publications.read(row.type(), row.payload());
        Attempt attempt = new Attempt(row.id(), row.attempts(), Instant.ofEpochMilli(row.createdAt()),
                Optional.ofNullable(row.result()),
                result -> database.inTransaction(store -> store.outbox().recordResult(row.id(), result)),
                () -> database.read(store -> store.outbox().waitingAfter(row.lane(), row.id())).stream()
                        .map(later -> Publications.read(later.type(), later.payload())).toList());
        try {
            if (database.inTransaction(store -> store.outbox().claim(row.id())) == 0) {
                return;
            }
            deliveries.deliver(publication, attempt);
            database.inTransaction(store -> store.outbox().markDone(row.id(), clock.millis()));
        } catch (RuntimeException e) {
            if (abandoned || !(e instanceof DeliveryError failure)) {
                throw e;
            }
            boolean willRetry = failure.isTransient();
            if (willRetry) {
                retryLater(row, failure.reason(), failure.retrySlowly() ? SLOW_BACKOFF : BACKOFF);
            } else {
                log.warn("Outbox row {} ({} in lane {}) failed for good: {}", row.id(), row.type(), row.lane(),
                        e.getMessage());
                database.inTransaction(store -> store.outbox().markFailed(row.id(), clock.millis(), failure.reason()));
            }
            deliveries.failed(publication, attempt, failure, willRetry);
        }
    }

    private void deliverOrRecordBug(OutboxRow row) {
        try (MDC.MDCCloseable incident = incidentInLog(row)) {
            deliver(row);
        } catch (RuntimeException e) {
            if (abandoned) {
                log.info("Outbox row {} ({} in lane {}) was left for the next start: {}", row.id(), row.type(),
                        row.lane(), e.toString());
                return;
            }
            recordBug(row, e);
        } finally {
            busyLanes.remove(row.lane());
            wake();
        }
    }

    private void recordBug(OutboxRow row, RuntimeException e) {
        log.error("Outbox row {} ({} in lane {}) hit an unexpected error", row.id(), row.type(), row.lane(), e);
        if (row.attempts() + 1 >= MAX_ATTEMPTS_AFTER_A_BUG) {
            database.inTransaction(store -> store.outbox().markFailed(row.id(), clock.millis(), e.toString()));
        } else {
            retryLater(row, e.toString(), BACKOFF);
        }
    }

    /** The incident a row is about, in every line logged while it is delivered (MDC key {@code incident}). */
    private static MDC.MDCCloseable incidentInLog(OutboxRow row) {
        return row.incidentId() == null ? null : MDC.putCloseable("incident", String.valueOf(row.incidentId()));
    }

    private void retryLater(OutboxRow row, String error, RetryPolicy backoff) {
        long next = clock.millis() + backoff.delayAfter(row.attempts() + 1).toMillis();
        database.inTransaction(store -> store.outbox().retryLater(row.id(), next, error));
    }

    private Duration nextPoll() {
        return database.read(store -> store.outbox().nextAttemptAt())
                .map(at -> Duration.ofMillis(Math.max(10, at - clock.millis())))
                .filter(wait -> wait.compareTo(IDLE_POLL) < 0)
                .orElse(IDLE_POLL);
    }

    /** Looks for due rows now rather than at the next poll; never blocks. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void awaitSignal(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, timeout.toMillis()));
            }
            woken = false;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops taking rows at once (rows not started yet stay pending), and waits {@link #STOP_GRACE} for the deliveries
     * under way; those still running after it (a hanging Slack) are interrupted and left: their rows stay pending for
     * the next start, and nothing they end with is written to the store, which closes next.
     */
    @Override
    public void close() {
        running = false;
        scheduler.interrupt();
        workers.getQueue().clear(); // rows handed over but not started stay pending, unclaimed
        workers.shutdown();
        try {
            scheduler.join(STOP_GRACE.toMillis());
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandon();
            }
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
        }
    }

    private void abandon() {
        abandoned = true;
        int left = workers.shutdownNow().size() + workers.getActiveCount();
        log.info("Stopping with {} outbox deliveries unfinished; their rows stay pending for the next start", left);
    }
}
