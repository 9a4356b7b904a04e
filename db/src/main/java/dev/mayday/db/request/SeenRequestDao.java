package dev.mayday.db.request;

import dev.mayday.db.sql.Sql;

import java.util.List;

/** Signed Slack requests already carried out, by digest, until the signature window has passed for them. */
public final class SeenRequestDao {

    private static final String RECORD = """
            INSERT INTO seen_requests (digest, expires_at) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING""";
    private static final String IS_RECORDED = """
            SELECT EXISTS (SELECT 1 FROM seen_requests WHERE digest = ? AND expires_at >= ?)""";

    private final Sql sql;

    public SeenRequestDao(Sql sql) {
        this.sql = sql;
    }

    /** One statement, run once per digest: they arrive a few at a time, and it is prepared once per connection. */
    public void record(List<String> digests, long expiresAt) {
        for (String digest : digests) {
            sql.update(RECORD, digest, expiresAt);
        }
    }

    public boolean isRecorded(String digest, long now) {
        return sql.first(IS_RECORDED, row -> row.getBoolean(1), digest, now).orElseThrow();
    }

    public int prune(long now) {
        return sql.update("DELETE FROM seen_requests WHERE expires_at < ?", now);
    }

    public int count() {
        return sql.first("SELECT count(*) FROM seen_requests", row -> row.getInt(1)).orElseThrow();
    }
}
