package dev.mayday.db.request;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** Signed Slack requests already carried out, by digest, until the signature window has passed for them. */
public interface SeenRequestDao {

    @SqlBatch("INSERT INTO seen_requests (digest, expires_at) VALUES (:digest, :expiresAt) ON CONFLICT (digest) DO NOTHING")
    void record(@Bind("digest") List<String> digests, @Bind("expiresAt") long expiresAt);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM seen_requests WHERE digest = :digest AND expires_at >= :now)")
    boolean isRecorded(@Bind("digest") String digest, @Bind("now") long now);

    @SqlUpdate("DELETE FROM seen_requests WHERE expires_at < :now")
    int prune(@Bind("now") long now);

    @SqlQuery("SELECT count(*) FROM seen_requests")
    int count();
}
