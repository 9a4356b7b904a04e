package dev.mayday.db.request;

import dev.mayday.db.sql.Sql;

import java.util.List;
import java.util.Optional;

/**
 * Signed Slack requests already carried out, by digest, until the signature window has passed for them; on a store
 * shared by several processes also those being handled now (claimed, not yet carried out), each until its claim's
 * lease runs out.
 */
public final class SeenRequestDao {

    private static final String RECORD = """
            INSERT INTO seen_requests (digest, expires_at, carried_out) VALUES (?, ?, 1)
            ON CONFLICT (digest) DO UPDATE SET expires_at = excluded.expires_at, carried_out = 1""";
    private static final String IS_RECORDED = """
            SELECT EXISTS (SELECT 1 FROM seen_requests WHERE digest = ? AND expires_at >= ? AND carried_out = 1)""";
    /** Takes the digest unless a live row holds it: one carried out, or claimed by a process whose lease runs. */
    private static final String CLAIM = """
            INSERT INTO seen_requests (digest, expires_at, carried_out) VALUES (?, ?, 0)
            ON CONFLICT (digest) DO UPDATE SET expires_at = excluded.expires_at, carried_out = 0
            WHERE seen_requests.expires_at < ?""";
    private static final String CARRIED_OUT = "SELECT carried_out FROM seen_requests WHERE digest = ?";
    private static final String FORGET = """
            DELETE FROM seen_requests WHERE digest = ? AND carried_out = 0 AND expires_at = ?""";

    private final Sql sql;

    public SeenRequestDao(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records each digest as carried out until {@code expiresAt} (a claim on it becomes the record). One statement, run
     * once per digest: they arrive a few at a time, and it is prepared once per connection.
     */
    public void record(List<String> digests, long expiresAt) {
        for (String digest : digests) {
            sql.update(RECORD, digest, expiresAt);
        }
    }

    public boolean isRecorded(String digest, long now) {
        return sql.first(IS_RECORDED, row -> row.getBoolean(1), digest, now).orElseThrow();
    }

    /**
     * Claims {@code digest} for handling until {@code leaseUntil}, unless a row for it is live at {@code now};
     * returns 1 when this call claimed it.
     */
    public int claim(String digest, long leaseUntil, long now) {
        return sql.update(CLAIM, digest, leaseUntil, now);
    }

    /** Whether the row held for {@code digest} was carried out (true) or is a claim (false); empty if there is none. */
    public Optional<Boolean> carriedOut(String digest) {
        return sql.first(CARRIED_OUT, row -> row.getInt(1) == 1, digest);
    }

    /**
     * Lets go of a claim that was not carried out (the request failed), so a retry of it is handled: only the claim
     * made with {@code leaseUntil}, so a claim that overran its lease never deletes the one that took it over (taken
     * later, it lasts until later).
     */
    public int forget(String digest, long leaseUntil) {
        return sql.update(FORGET, digest, leaseUntil);
    }

    public int prune(long now) {
        return sql.update("DELETE FROM seen_requests WHERE expires_at < ?", now);
    }

    public int count() {
        return sql.first("SELECT count(*) FROM seen_requests", row -> row.getInt(1)).orElseThrow();
    }
}
