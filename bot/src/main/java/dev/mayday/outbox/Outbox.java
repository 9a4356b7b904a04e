package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.Claim;
import dev.mayday.db.outbox.OutboxClaims;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: every publication, to whichever service its {@link Delivery} talks to. One scheduler claims
 * the oldest due row of each {@link Lane}; a small pool delivers them, never two rows of the same lane at once, so
 * (for example) each incident's channel sees its changes in order while a slow or failing incident does not hold up
 * the others. A transient failure waits with a growing backoff (up to a minute) and tries again while Slack is out; a
 * refusal that will not heal is FAILED, unless the delivery asks to {@linkplain DeliveryError#retrySlowly() retry
 * slowly} (a channel must be made in the end): then it waits minutes between tries. Rows are claimed with a lease
 * ({@link OutboxClaims}, {@link LeaseKeeper}), so any number of processes deliver one outbox, lanes in order across
 * them; a stopped process's row is taken over when its lease runs out (at once on SQLite). Each try is counted in the
 * row before it starts, so a retried delivery looks for what that try may have done ({@link Attempt#isRetry()}).
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
    private final ProcessIdentity identity;
    private final LeaseKeeper leases;
    private final ThreadPoolExecutor workers;
    /** The rows this process has claimed and not yet ended (queued for a worker or being delivered). */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Wake signal = new Wake();
    private final Thread scheduler;
    private volatile boolean running = true;
    /** Set when a stop leaves the deliveries still running: what they end with is no longer recorded or reported. */
    private volatile boolean abandoned;

    public Outbox(Database database, Deliveries deliveries, Clock clock, ProcessIdentity identity, int workerCount) {
        this.database = database;
        this.deliveries = deliveries;
        this.clock = clock;
        this.identity = identity;
        this.leases = new LeaseKeeper(database, clock);
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Wake.daemon("mayday-outbox-worker"));
        this.scheduler = Wake.daemon("mayday-outbox").newThread(this::schedule);
    }

    public void start() {
        leases.start();
        scheduler.start();
    }

    /** True once nothing is pending or being delivered (FAILED rows count as done); false after the timeout. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (inFlight.isEmpty() && database.read(store -> store.outbox().pendingCount()) == 0) {
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
                int free = workers.getCorePoolSize() - inFlight.size();
                if (free > 0) {
                    for (OutboxRow row : claimDue(free)) {
                        Claim claim = Claim.of(row, identity.id());
                        inFlight.add(row.id());
                        leases.hold(claim);
                        workers.execute(new Job(row, claim, this));
                    }
                    signal.await(nextPoll());
                } else {
                    // every worker is busy: a scan now would find only rows no worker can take; the next finished
                    // delivery wakes this
                    signal.await(IDLE_POLL);
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

    /**
     * Claims up to {@code limit} due lane heads, when the store has one this process is not delivering already: the
     * look is a read, the claim a write, and most looks while deliveries run find only the rows under way.
     */
    private List<OutboxRow> claimDue(int limit) {
        long now = clock.millis();
        List<OutboxRow> due = database.read(store -> store.outbox().due(now, limit + inFlight.size()));
        if (due.stream().allMatch(row -> inFlight.contains(row.id()))) {
            return List.of();
        }
        return database.inTransactionUnderRowLocks(store -> store.outboxClaims().claim(identity.id(), now,
                leases.leaseUntil(now), limit, Set.copyOf(inFlight))); // never its own again, lapsed or not
    }

    private void deliver(OutboxRow row, Claim claim) {
        Publication publication = Publications.read(row.type(), row.payload());
        Attempt attempt = new Attempt(row.id(), row.attempts() - 1, Instant.ofEpochMilli(row.createdAt()),
                Optional.ofNullable(row.result()), () -> leases.holds(claim),
                result -> ended(claim, store -> store.outboxClaims().recordResult(claim, result)),
                () -> database.read(store -> store.outbox().waitingAfter(row.lane(), row.id())).stream()
                        .map(later -> Publications.read(later.type(), later.payload())).toList());
        try {
            deliveries.deliver(publication, attempt);
            leases.letGo(claim);
            ended(claim, store -> store.outboxClaims().markDone(claim, clock.millis()));
        } catch (RuntimeException e) {
            if (abandoned || !(e instanceof DeliveryError failure)) {
                throw e;
            }
            boolean willRetry = failure.isTransient();
            leases.letGo(claim);
            if (willRetry) {
                retryLater(row, claim, failure.reason(), failure.retrySlowly() ? SLOW_BACKOFF : BACKOFF);
            } else {
                log.warn("Outbox row {} ({} in lane {}) failed for good: {}", row.id(), row.type(), row.lane(),
                        e.getMessage());
                ended(claim, store -> store.outboxClaims().markFailed(claim, clock.millis(), failure.reason()));
            }
            deliveries.failed(publication, attempt, failure, willRetry);
        }
    }

    private void deliverOrRecordBug(OutboxRow row, Claim claim) {
        try (MDC.MDCCloseable incident = incidentInLog(row)) {
            deliver(row, claim);
        } catch (RuntimeException e) {
            if (abandoned) {
                log.info("Outbox row {} ({} in lane {}) was left for the next start: {}", row.id(), row.type(),
                        row.lane(), e.toString());
                return;
            }
            recordBug(row, claim, e);
        } finally {
            leases.letGo(claim);
            inFlight.remove(row.id());
            wake();
        }
    }

    private void recordBug(OutboxRow row, Claim claim, RuntimeException e) {
        log.error("Outbox row {} ({} in lane {}) hit an unexpected error", row.id(), row.type(), row.lane(), e);
        leases.letGo(claim);
        if (row.attempts() >= MAX_ATTEMPTS_AFTER_A_BUG) {
            ended(claim, store -> store.outboxClaims().markFailed(claim, clock.millis(), e.toString()));
        } else {
            retryLater(row, claim, e.toString(), BACKOFF);
        }
    }

    /**
     * Writes what ended (or recorded) an attempt, under this process's claim: when another process has taken the row
     * over since (this one stalled past its lease), nothing is written and the new owner's word stands.
     */
    private void ended(Claim claim, Database.StoreWork<Boolean> write) {
        if (!database.inTransactionUnderRowLocks(write)) {
            log.warn("Outbox row {} was taken over by another process before this one finished with it: "
                    + "this attempt's end is not recorded", claim.id());
        }
    }

    /** The incident a row is about, in every line logged while it is delivered (MDC key {@code incident}). */
    private static MDC.MDCCloseable incidentInLog(OutboxRow row) {
        return row.incidentId() == null ? null : MDC.putCloseable("incident", String.valueOf(row.incidentId()));
    }

    private void retryLater(OutboxRow row, Claim claim, String error, RetryPolicy backoff) {
        long next = clock.millis() + backoff.delayAfter(row.attempts()).toMillis();
        ended(claim, store -> store.outboxClaims().retryLater(claim, next, error));
    }

    private Duration nextPoll() {
        return database.read(store -> store.outbox().nextAttemptAt())
                .map(at -> Duration.ofMillis(Math.max(10, at - clock.millis())))
                .filter(wait -> wait.compareTo(IDLE_POLL) < 0)
                .orElse(IDLE_POLL);
    }

    /** Looks for due rows now rather than at the next poll; never blocks. */
    public void wake() {
        signal.wake();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        workers.shutdown();
        try {
            scheduler.join(STOP_GRACE.toMillis());
            releaseUnstarted();
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandon();
            }
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
        } finally {
            leases.close();
        }
    }

    /** Rows handed to a worker but not started stay pending, their claims given back for any process to take. */
    private void releaseUnstarted() {
        List<Runnable> unstarted = new ArrayList<>();
        workers.getQueue().drainTo(unstarted);
        for (Runnable runnable : unstarted) {
            if (runnable instanceof Job job) {
                leases.letGo(job.claim());
                try {
                    database.inTransactionUnderRowLocks(store -> store.outboxClaims().release(job.claim()));
                } catch (RuntimeException e) {
                    log.info("Could not give back the claim on outbox row {} (it runs out by itself): {}",
                            job.row().id(), e.getMessage());
                }
            }
        }
    }

    /** One claimed row, handed to a worker. */
    private record Job(OutboxRow row, Claim claim, Outbox outbox) implements Runnable {

        @Override
        public void run() {
            outbox.deliverOrRecordBug(row, claim);
        }
    }

    private void abandon() {
        abandoned = true;
        int left = workers.shutdownNow().size() + workers.getActiveCount();
        log.info("Stopping with {} outbox deliveries unfinished; their rows stay pending for the next start", left);
    }
}
