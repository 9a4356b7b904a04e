package dev.mayday.db.request;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** Signed Slack requests already seen, by digest: claimed while handled, done once answered with a success. */
public interface SeenRequestDao {

    /**
     * Claims {@code digest} for this process; returns 1 when it was not seen, or only claimed by an earlier process
     * ({@code boot} differs) or before {@code staleBefore}, and 0 when it is done or being handled now.
     */
    @SqlUpdate("""
            INSERT INTO seen_requests (digest, boot, done, claimed_at, expires_at)
            VALUES (:digest, :boot, 0, :now, :expiresAt)
            ON CONFLICT (digest) DO UPDATE SET boot = excluded.boot, claimed_at = excluded.claimed_at,
                expires_at = excluded.expires_at
            WHERE seen_requests.done = 0
              AND (seen_requests.boot <> excluded.boot OR seen_requests.claimed_at < :staleBefore)""")
    int claim(@Bind("digest") String digest, @Bind("boot") String boot, @Bind("now") long now,
              @Bind("staleBefore") long staleBefore, @Bind("expiresAt") long expiresAt);

    @SqlUpdate("UPDATE seen_requests SET done = 1 WHERE digest = :digest AND boot = :boot")
    int done(@Bind("digest") String digest, @Bind("boot") String boot);

    /** Gives a claim up (the request failed), unless it was done meanwhile. */
    @SqlUpdate("DELETE FROM seen_requests WHERE digest = :digest AND boot = :boot AND done = 0")
    int release(@Bind("digest") String digest, @Bind("boot") String boot);

    @SqlQuery("SELECT done FROM seen_requests WHERE digest = :digest")
    Optional<Boolean> isDone(@Bind("digest") String digest);

    @SqlUpdate("DELETE FROM seen_requests WHERE expires_at < :now")
    int prune(@Bind("now") long now);

    @SqlQuery("SELECT count(*) FROM seen_requests")
    int count();
}
