package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.db.digest.DigestRow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each week's digest was posted. That it is posted once is not kept here: one {@code WeeklyDigest} outbox row per
 * week ({@link WeeklyDigests}) sees to that.
 */
public final class DigestLedger {

    private final Database database;
    private final Clock clock;

    public DigestLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records where the digest of {@code week} landed; false when it was recorded before (the first record stays). */
    public boolean recordPosted(IsoWeek week, String channel, String messageTs) {
        long at = clock.millis();
        return database.inTransaction(store -> store.digests().recordPosted(week.format(), channel, messageTs, at)) == 1;
    }

    public Optional<DigestRecord> posted(IsoWeek week) {
        return database.read(store -> store.digests().byWeek(week.format())).map(DigestLedger::toRecord);
    }

    /** The latest week posted: what {@code /incident digest last} shows. */
    public Optional<DigestRecord> lastPosted() {
        return database.read(store -> store.digests().lastPosted()).map(DigestLedger::toRecord);
    }

    private static DigestRecord toRecord(DigestRow row) {
        return new DigestRecord(IsoWeek.parse(row.isoWeek()), row.channel(), row.messageTs(),
                Instant.ofEpochMilli(row.postedAt()));
    }
}
