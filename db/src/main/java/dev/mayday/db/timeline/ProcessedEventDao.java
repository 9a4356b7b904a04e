package dev.mayday.db.timeline;

import dev.mayday.db.sql.Sql;

/** Slack Events API deliveries already applied, by {@code event_id}. */
public final class ProcessedEventDao {

    private static final String RECORD_IF_NEW = """
            INSERT INTO processed_events (event_id, received_at) VALUES (?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    private final Sql sql;

    public ProcessedEventDao(Sql sql) {
        this.sql = sql;
    }

    /** Returns 1 for a first delivery, 0 when this event id was recorded before. */
    public int recordIfNew(String eventId, long receivedAt) {
        return sql.update(RECORD_IF_NEW, eventId, receivedAt);
    }

    public int count(String eventId) {
        return sql.first("SELECT count(*) FROM processed_events WHERE event_id = ?", row -> row.getInt(1), eventId)
                .orElseThrow();
    }
}
