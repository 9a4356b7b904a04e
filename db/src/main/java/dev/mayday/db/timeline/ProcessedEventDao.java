package dev.mayday.db.timeline;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Slack Events API deliveries already applied, by {@code event_id}. */
public interface ProcessedEventDao {

    /** Returns 1 for a first delivery, 0 when this event id was recorded before. */
    @SqlUpdate("""
            INSERT INTO processed_events (event_id, received_at) VALUES (:eventId, :receivedAt)
            ON CONFLICT (event_id) DO NOTHING""")
    int recordIfNew(@Bind("eventId") String eventId, @Bind("receivedAt") long receivedAt);

    @SqlQuery("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
    int count(@Bind("eventId") String eventId);
}
