package dev.mayday.db.digest;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/**
 * The weekly digests posted, one per ISO week. That a week is posted once is the outbox's business (one WeeklyDigest
 * row per week); this is where each landed.
 */
@RegisterConstructorMapper(DigestRow.class)
public interface DigestDao {

    /** Returns 1 when recorded, 0 when the week was recorded before (the first record stays). */
    @SqlUpdate("""
            INSERT INTO digests (iso_week, channel, message_ts, posted_at) VALUES (:week, :channel, :ts, :at)
            ON CONFLICT (iso_week) DO NOTHING""")
    int recordPosted(@Bind("week") String isoWeek, @Bind("channel") String channel, @Bind("ts") String messageTs,
                     @Bind("at") long at);

    @SqlQuery("SELECT * FROM digests WHERE iso_week = :week")
    Optional<DigestRow> byWeek(@Bind("week") String isoWeek);

    /** When the store came into being, in epoch millis (V021): no digest is posted for a week that ended before. */
    @SqlQuery("SELECT created_at FROM store_origin WHERE id = 1")
    Optional<Long> storeCreatedAt();

    /** The store existed at {@code at}: lowers its creation time when that is earlier; never raises it. */
    @SqlUpdate("UPDATE store_origin SET created_at = :at WHERE id = 1 AND created_at > :at")
    int storeExistedAt(@Bind("at") long at);

    /** "YYYY-Www" sorts as text in week order. */
    @SqlQuery("SELECT * FROM digests ORDER BY iso_week DESC LIMIT 1")
    Optional<DigestRow> lastPosted();
}
