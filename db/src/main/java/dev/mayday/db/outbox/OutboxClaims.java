package dev.mayday.db.outbox;

import dev.mayday.db.sql.Sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Claims outbox rows for delivery with a lease, so any number of processes can deliver one outbox. A claim takes the
 * due head of each lane (its oldest pending row) unless another live claim holds it, in one statement: the claim
 * counts the attempt, lets go of a key unique only while queued, and names the owner and how long the lease lasts. A
 * lane's later rows wait until its head is done, wherever it is being delivered, so each lane stays in order across
 * processes. A claim whose owner died is taken over once its lease has run out: the taker sees the attempts counted
 * before it and looks for what they did. Every write that ends an attempt is guarded by the {@link Claim}.
 * <p>
 * On PostgreSQL the heads are locked {@code FOR UPDATE SKIP LOCKED}, so two processes claiming at once never take the
 * same row and never wait for each other. On SQLite there is one writer and one process (the lock file refuses a
 * second): a claim by any other owner is one a stopped process left, taken over at once as before leases.
 */
public final class OutboxClaims {

    /**
     * What makes pending row {@code o} not its lane's head. The looks for heads walk pending rows oldest first
     * (index {@code outbox_pending_in_order}, V039) and stop at their limit, so a look costs what it takes, not what is
     * queued; the {@code +} keeps SQLite from choosing {@code outbox_due} instead, which finds every due row and sorts.
     */
    static final String EARLIER_IN_LANE =
            "SELECT 1 FROM outbox p WHERE p.state = 'PENDING' AND p.lane = o.lane AND p.id < o.id";
    private static final String CLAIM = """
            UPDATE outbox SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,
                              unique_key = CASE WHEN unique_while_queued = 1 THEN NULL ELSE unique_key END
            WHERE state = 'PENDING' AND id IN (
                SELECT o.id FROM outbox o
                WHERE o.state = 'PENDING' AND +o.next_attempt_at <= ?
                  AND NOT EXISTS (%s)
                  AND %s%%s
                ORDER BY o.id LIMIT ?%s)
            RETURNING *""";
    private static final String CLAIM_POSTGRESQL = CLAIM.formatted(EARLIER_IN_LANE,
            "(o.claimed_by IS NULL OR o.lease_until <= ?)", " FOR UPDATE OF o SKIP LOCKED");
    /** Package-private for {@code OutboxLookupPlansTest}, which holds it to its index. */
    static final String CLAIM_SQLITE = CLAIM.formatted(EARLIER_IN_LANE,
            "(o.claimed_by IS NULL OR o.claimed_by <> ? OR o.lease_until <= ?)", "");
    private static final String GUARD = " WHERE id = ? AND claimed_by = ? AND attempts = ? AND state = 'PENDING'";
    private static final String RENEW = "UPDATE outbox SET lease_until = ?" + GUARD;
    private static final String RECORD_RESULT = "UPDATE outbox SET result = ?" + GUARD;
    private static final String MARK_DONE = "UPDATE outbox SET state = 'DONE', done_at = ?, last_error = NULL, "
            + "lease_until = NULL" + GUARD;
    private static final String RETRY_LATER = "UPDATE outbox SET next_attempt_at = ?, last_error = ?, "
            + "claimed_by = NULL, lease_until = NULL" + GUARD;
    private static final String MARK_FAILED = "UPDATE outbox SET state = 'FAILED', done_at = ?, last_error = ?, "
            + "lease_until = NULL" + GUARD;
    private static final String RELEASE = "UPDATE outbox SET claimed_by = NULL, lease_until = NULL, "
            + "attempts = attempts - 1" + GUARD;

    private final Sql sql;
    private final boolean oneProcess;

    /** {@code oneProcess}: SQLite's form (see the class comment); otherwise PostgreSQL's. */
    public OutboxClaims(Sql sql, boolean oneProcess) {
        this.sql = sql;
        this.oneProcess = oneProcess;
    }

    /** {@link #claim(String, long, long, int, Collection)} for an owner delivering nothing yet. */
    public List<OutboxRow> claim(String owner, long now, long leaseUntil, int limit) {
        return claim(owner, now, leaseUntil, limit, List.of());
    }

    /**
     * Claims up to {@code limit} due lane heads for {@code owner} until {@code leaseUntil}; returns them as claimed
     * (attempts counted). Run it in a transaction of its own, so the claim is visible to others when this returns.
     * Rows in {@code delivering} (the owner's deliveries under way) are never claimed again, even when their lease
     * ran out while the owner could not renew it: the owner would deliver them twice at once. A row whose end the
     * owner could not write is no longer in its set, so it is taken again once its lease runs out.
     */
    public List<OutboxRow> claim(String owner, long now, long leaseUntil, int limit, Collection<Long> delivering) {
        String notDelivering = delivering.isEmpty() ? ""
                : " AND o.id NOT IN (" + String.join(", ", Collections.nCopies(delivering.size(), "?")) + ")";
        List<Object> parameters = new ArrayList<>(List.of(owner, leaseUntil, now));
        if (oneProcess) {
            parameters.add(owner);
        }
        parameters.add(now);
        parameters.addAll(delivering);
        parameters.add(limit);
        List<OutboxRow> claimed = sql.list((oneProcess ? CLAIM_SQLITE : CLAIM_POSTGRESQL).formatted(notDelivering),
                OutboxDao::read, parameters.toArray());
        // RETURNING gives no order: deliveries start oldest first
        return claimed.stream().sorted(Comparator.comparingLong(OutboxRow::id)).toList();
    }

    /** Keeps the claim until {@code leaseUntil}; false when it is no longer this claim's (taken over, or ended). */
    public boolean renew(Claim claim, long leaseUntil) {
        return sql.update(RENEW, leaseUntil, claim.id(), claim.owner(), claim.attempts()) == 1;
    }

    /** Records what the delivery did outside (a message ts, a note id) the moment the service answered. */
    public boolean recordResult(Claim claim, String result) {
        return sql.update(RECORD_RESULT, result, claim.id(), claim.owner(), claim.attempts()) == 1;
    }

    public boolean markDone(Claim claim, long now) {
        return sql.update(MARK_DONE, now, claim.id(), claim.owner(), claim.attempts()) == 1;
    }

    /** Lets the row go until {@code nextAttemptAt}, when any process may claim it again. */
    public boolean retryLater(Claim claim, long nextAttemptAt, String error) {
        return sql.update(RETRY_LATER, nextAttemptAt, error, claim.id(), claim.owner(), claim.attempts()) == 1;
    }

    public boolean markFailed(Claim claim, long now, String error) {
        return sql.update(MARK_FAILED, now, error, claim.id(), claim.owner(), claim.attempts()) == 1;
    }

    /** Gives back a claim whose delivery never started (a stop), uncounting its attempt. */
    public boolean release(Claim claim) {
        return sql.update(RELEASE, claim.id(), claim.owner(), claim.attempts()) == 1;
    }
}
