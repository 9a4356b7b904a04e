package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.db.request.SeenRequestDao;
import org.jdbi.v3.core.extension.ExtensionCallback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signed requests this store has seen within the signature window, by the digest of their timestamp and body.
 * A request is claimed before it is handled, then {@link #done} or {@link #release}d. A claim only counts while the
 * process that made it ({@code boot}) is the one running and for {@link #HANDLING_LIMIT}: a request cut short by a
 * crash, or whose outcome could not be recorded, is handled when it comes again.
 */
public final class SeenRequests {

    /** Far longer than a handler takes (the store gives up on a write after 2 s). */
    static final Duration HANDLING_LIMIT = Duration.ofMinutes(1);
    /**
     * A stamp up to one window in the future stays valid until one window after it: rows are kept for two windows
     * and a minute, after which the signature check refuses the request anyway.
     */
    static final Duration KEPT_FOR = RequestSignature.WINDOW.multipliedBy(2).plusMinutes(1);
    /** Expired rows are deleted on one claim in this many: the table stays at about a window's worth of requests. */
    static final int PRUNE_EVERY = 100;

    public enum Seen {
        /** Not seen (or only cut short): claimed now, to be handled. */
        FIRST,
        /** Handled already: a replay. */
        HANDLED,
        /** The same request is being handled right now. */
        IN_PROGRESS
    }

    private final Database database;
    private final Clock clock;
    private final String boot;
    private final AtomicInteger claims = new AtomicInteger();

    /** {@code boot} identifies this process run: a fresh value each start. */
    public SeenRequests(Database database, Clock clock, String boot) {
        this.database = database;
        this.clock = clock;
        this.boot = boot;
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

    public Seen claim(String digest) {
        long now = clock.millis();
        boolean prune = claims.getAndIncrement() % PRUNE_EVERY == 0;
        int claimed = database.jdbi().inTransaction(handle -> {
            SeenRequestDao seen = handle.attach(SeenRequestDao.class);
            if (prune) {
                seen.prune(now);
            }
            return seen.claim(digest, boot, now, now - HANDLING_LIMIT.toMillis(), now + KEPT_FOR.toMillis());
        });
        if (claimed == 1) {
            return Seen.FIRST;
        }
        return seen(dao -> dao.isDone(digest)).orElse(false) ? Seen.HANDLED : Seen.IN_PROGRESS;
    }

    /** The request was carried out: the same bytes again are a replay. */
    public void done(String digest) {
        database.jdbi().useTransaction(handle -> handle.attach(SeenRequestDao.class).done(digest, boot));
    }

    /** The request failed: the sender's retry of the same bytes is handled. */
    public void release(String digest) {
        database.jdbi().useTransaction(handle -> handle.attach(SeenRequestDao.class).release(digest, boot));
    }

    private <T> T seen(ExtensionCallback<T, SeenRequestDao, RuntimeException> work) {
        return database.jdbi().withExtension(SeenRequestDao.class, work);
    }
}
