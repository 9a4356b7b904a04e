package dev.mayday.slack.requests;

import dev.mayday.request.HandledRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The signed requests seen within the signature window, by the digest of their timestamp and body. A request being
 * handled is held in memory only; once it was carried out its digest is written to the store by a recorder thread,
 * in batches, after the answer. So the guard adds one read to a request's path and no turn in the writer queue: in a
 * storm of declarations, when the queue is long, it does not make anyone's answer later.
 * <p>
 * The price is a short gap: a process killed after a request was carried out and before its digest was written
 * (normally a few milliseconds) handles the same bytes again when they come after the restart. Declarations, events
 * and webhooks are idempotent on their own ids regardless.
 * <p>
 * On a store several processes share ({@link HandledRequests#shared()}), memory is not enough: each request is claimed
 * in the store before it is handled and recorded as carried out before it is answered, so the same bytes at another
 * process are answered as they are here (409 while handled, "handled already" after).
 */
public final class SeenRequests implements AutoCloseable {

    /**
     * A stamp up to one window in the future stays valid until one window after it: rows are kept for two windows
     * and a minute, after which the signature check refuses the request anyway.
     */
    public static final Duration KEPT_FOR = RequestSignature.WINDOW.multipliedBy(2).plusMinutes(1);
    /** Expired rows are deleted with the first batch after this long: the table holds about a window's requests. */
    public static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final int MAX_BATCH = 500;
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(SeenRequests.class);

    public enum Seen {
        /** Not seen: held now, to be handled. */
        FIRST,
        /** Carried out already: a replay. */
        HANDLED,
        /** The same request is being handled right now. */
        IN_PROGRESS
    }

    private enum Here { HANDLING, RECORDING }

    private final HandledRequests handled;
    private final Clock clock;
    private final ConcurrentHashMap<String, Here> here = new ConcurrentHashMap<>();
    /** When each request being handled here was claimed: names this process's claim when it lets go of it. */
    private final ConcurrentHashMap<String, Long> claimedAt = new ConcurrentHashMap<>();
    private final BlockingQueue<String> toRecord = new LinkedBlockingQueue<>();
    private final Thread recorder;
    private volatile boolean running = true;
    private long lastPrune = Long.MIN_VALUE;

    public SeenRequests(HandledRequests handled, Clock clock) {
        this.handled = handled;
        this.clock = clock;
        this.recorder = new Thread(this::recordUntilClosed, "mayday-seen-requests");
        recorder.setDaemon(true);
        recorder.start();
    }

    public static String digest(String timestamp, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) ':');
            sha256.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Holds {@code digest} for this request unless it was carried out already or is being handled now. */
    public Seen claim(String digest) {
        Here before = here.putIfAbsent(digest, Here.HANDLING);
        if (before != null) {
            return before == Here.HANDLING ? Seen.IN_PROGRESS : Seen.HANDLED;
        }
        HandledRequests.Claim claim;
        long now = clock.millis();
        try {
            claim = handled.claim(digest, now);
        } catch (RuntimeException e) {
            here.remove(digest, Here.HANDLING);
            throw e;
        }
        if (claim == HandledRequests.Claim.CLAIMED) {
            claimedAt.put(digest, now);
        } else {
            here.remove(digest, Here.HANDLING);
        }
        return switch (claim) {
            case CLAIMED -> Seen.FIRST;
            case CARRIED_OUT -> Seen.HANDLED;
            case IN_FLIGHT -> Seen.IN_PROGRESS;
        };
    }

    /**
     * The request was carried out: the same bytes again are a replay, from now on and (once written) after a restart.
     * On a shared store the record is written before the answer, so a replay sent to another process after it is told
     * "handled already"; should that write fail, the recorder writes it later (the claim holds meanwhile).
     */
    public void done(String digest) {
        here.put(digest, Here.RECORDING);
        claimedAt.remove(digest);
        if (handled.shared()) {
            try {
                handled.record(List.of(digest), clock.millis() + KEPT_FOR.toMillis(), OptionalLong.empty());
                here.remove(digest, Here.RECORDING);
                return;
            } catch (RuntimeException e) {
                log.warn("Could not record a handled Slack request yet (recorded later): {}", e.toString());
            }
        }
        toRecord.add(digest);
    }

    /** The request failed: the sender's retry of the same bytes is handled. */
    public void release(String digest) {
        here.remove(digest, Here.HANDLING);
        Long claimed = claimedAt.remove(digest);
        if (claimed == null) {
            return; // not claimed by this process
        }
        try {
            handled.forget(digest, claimed);
        } catch (RuntimeException e) {
            log.warn("Could not let go of a failed Slack request's claim (it lapses in {}): {}",
                    HandledRequests.CLAIM_LEASE, e.toString());
        }
    }

    /** Writes what is still waiting, then stops the recorder. */
    @Override
    public void close() {
        running = false;
        recorder.interrupt();
        try {
            recorder.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> rest = new ArrayList<>();
        toRecord.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                record(rest);
            } catch (RuntimeException e) {
                log.warn("Could not record {} handled Slack requests at shutdown: {}", rest.size(), e.toString());
            }
        }
    }

    private void recordUntilClosed() {
        List<String> batch = new ArrayList<>();
        while (running) {
            try {
                if (batch.isEmpty()) {
                    String first = toRecord.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    toRecord.drainTo(batch, MAX_BATCH - 1);
                }
                record(batch);
                batch.clear();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // the batch stays in memory, so this process still answers its replays; it is written once the store takes it
                log.warn("Could not record {} handled Slack requests yet: {}", batch.size(), e.toString());
                pause();
            }
        }
        toRecord.addAll(batch);
    }

    private void record(List<String> digests) {
        long now = clock.millis();
        boolean prune = now - lastPrune >= PRUNE_EVERY.toMillis() || lastPrune == Long.MIN_VALUE;
        handled.record(digests, now + KEPT_FOR.toMillis(), prune ? OptionalLong.of(now) : OptionalLong.empty());
        if (prune) {
            lastPrune = now;
        }
        digests.forEach(digest -> here.remove(digest, Here.RECORDING));
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
