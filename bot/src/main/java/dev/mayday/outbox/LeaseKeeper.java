package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this process's outbox claims alive while their deliveries run: each claim lasts {@link #LEASE}, and every
 * {@link #RENEW_EVERY} all claims still held are renewed in one transaction. A process that dies stops renewing, so its
 * claims run out within one lease and another process takes them over. A claim found taken over (this process stalled
 * past its lease) is let go: the delivery still running ends, but its writes change nothing, and its
 * {@link Attempt#isStillClaimed()} answers false from then on, as it does once the last lease renewed has run out.
 */
final class LeaseKeeper implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Database database;
    private final Clock clock;
    /** Each claim held, with when its lease runs out as last written by this process. */
    private final Map<Claim, Long> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals =
            Executors.newSingleThreadScheduledExecutor(Wake.daemon("mayday-outbox-leases"));

    LeaseKeeper(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void start() {
        renewals.scheduleWithFixedDelay(this::renewQuietly, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** When a claim made now runs out, unless renewed. */
    long leaseUntil(long now) {
        return now + LEASE.toMillis();
    }

    /** Holds a claim made just now (its lease is taken to run out one lease from now). */
    void hold(Claim claim) {
        held.put(claim, leaseUntil(clock.millis()));
    }

    /**
     * Whether {@code claim} is still this process's as far as it knows: held, not found taken over by a renewal, and
     * its last renewed lease not run out. False means another process may be delivering the row now.
     */
    boolean holds(Claim claim) {
        Long until = held.get(claim);
        return until != null && until > clock.millis();
    }

    void letGo(Claim claim) {
        held.remove(claim);
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            log.warn("Could not renew the outbox leases of {} deliveries; trying again in {} s: {}", held.size(),
                    RENEW_EVERY.toSeconds(), e.getMessage());
        }
    }

    void renew() {
        List<Claim> claims = List.copyOf(held.keySet());
        if (claims.isEmpty()) {
            return;
        }
        long until = leaseUntil(clock.millis());
        List<Claim> lost = database.inTransactionUnderRowLocks(store -> claims.stream()
                .filter(claim -> !store.outboxClaims().renew(claim, until)).toList());
        claims.stream().filter(claim -> !lost.contains(claim)).forEach(claim -> held.replace(claim, until));
        for (Claim claim : lost) {
            if (held.remove(claim) != null) {
                log.warn("Outbox row {} is no longer claimed by this process (its lease ran out and another took it "
                        + "over, or it ended): what this delivery does now is not recorded", claim.id());
            }
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
