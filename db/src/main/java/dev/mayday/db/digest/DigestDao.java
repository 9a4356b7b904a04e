package dev.mayday.db.digest;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** The weekly digests posted (or about to be), once per ISO week. */
@RegisterConstructorMapper(DigestRow.class)
public interface DigestDao {

    /** Returns 1 when this caller recorded the intent (and owns the posting), 0 when the week was claimed before. */
    @SqlUpdate("""
            INSERT INTO digests (iso_week, state, created_at) VALUES (:week, 'INTENT', :at)
            ON CONFLICT (iso_week) DO NOTHING""")
    int claim(@Bind("week") String isoWeek, @Bind("at") long at);

    /**
     * Takes over an intent made (or last taken over) at or before {@code staleBefore}: its owner stopped before
     * recording the post. Returns 1 for the one caller that took it over; {@code created_at} is kept.
     */
    @SqlUpdate("""
            UPDATE digests SET taken_over_at = :at
            WHERE iso_week = :week AND state = 'INTENT' AND coalesce(taken_over_at, created_at) <= :staleBefore""")
    int takeOver(@Bind("week") String isoWeek, @Bind("staleBefore") long staleBefore, @Bind("at") long at);

    /** Returns 1 when the intent became POSTED, 0 when the week was posted already or never claimed. */
    @SqlUpdate("""
            UPDATE digests SET state = 'POSTED', channel = :channel, message_ts = :ts, posted_at = :at
            WHERE iso_week = :week AND state = 'INTENT'""")
    int markPosted(@Bind("week") String isoWeek, @Bind("channel") String channel, @Bind("ts") String messageTs,
                   @Bind("at") long at);

    @SqlQuery("SELECT * FROM digests WHERE iso_week = :week")
    Optional<DigestRow> byWeek(@Bind("week") String isoWeek);

    /** "YYYY-Www" sorts as text in week order. */
    @SqlQuery("SELECT * FROM digests WHERE state = 'POSTED' ORDER BY iso_week DESC LIMIT 1")
    Optional<DigestRow> lastPosted();

    /** Intents never recorded as posted, oldest week first: what a restart has to reconcile. */
    @SqlQuery("SELECT * FROM digests WHERE state = 'INTENT' ORDER BY iso_week")
    List<DigestRow> unfinished();
}
