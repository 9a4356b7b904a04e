package dev.mayday.digest;

import dev.mayday.db.Database;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the store came into being: no digest is posted for a week that ended before it. Flyway's record of the first
 * migration says when; a server start says the store existed at least since its clock's now, which lowers it only when
 * that clock is not the system's (as in tests, whose weeks would otherwise all lie before a store created today).
 */
public final class StoreOrigin {

    private final Database database;

    public StoreOrigin(Database database) {
        this.database = database;
    }

    public Optional<Instant> createdAt() {
        return database.read(store -> store.digests().storeCreatedAt()).map(Instant::ofEpochMilli);
    }

    /** The store existed at {@code at} (a server started on it then). */
    public void existedAt(Instant at) {
        database.inTransaction(store -> store.digests().storeExistedAt(at.toEpochMilli()));
    }

    /** Whether {@code week}, in the team's zone, ended before the store was created: nobody used Mayday in it. */
    boolean endedBefore(IsoWeek week, ZoneId zone) {
        return createdAt().map(created -> !week.end(zone).isAfter(created)).orElse(false);
    }
}
