package dev.mayday.digest;

import dev.mayday.db.Database;
import dev.mayday.db.digest.DigestDao;
import dev.mayday.db.digest.DigestRow;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exactly-once bookkeeping for the weekly digest. The poster first {@link #claim}s the week (an INTENT row, inserted
 * in an IMMEDIATE transaction, so of two timers or two processes only one wins), posts, then {@link #recordPosted}.
 *
 * <p>An INTENT that is still there at the next start means the process stopped between claiming and recording: the
 * message may be in Slack already. The poster looks for the message tagged {@link #tag} posted after
 * {@link DigestRecord#intentAt()} and records it, or posts only when it is not there. To keep two restarted processes
 * from both reconciling, it first {@link #takeOver}s the stale intent.
 */
public final class DigestLedger {

    private final Jdbi jdbi;
    private final Clock clock;

    public DigestLedger(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The marker the posted message carries (message metadata), found again when reconciling. */
    public static String tag(IsoWeek week) {
        return "mayday-digest-" + week;
    }

    /** True for the one caller that records the intent for {@code week}: it owns the posting. */
    public boolean claim(IsoWeek week) {
        long at = clock.millis();
        return jdbi.inTransaction(handle -> handle.attach(DigestDao.class).claim(week.format(), at) == 1);
    }

    /**
     * True for the one caller that takes over {@code week}'s intent made (or last taken over) at least
     * {@code staleAfter} ago, its owner having stopped before recording the post: that caller reconciles. A posted
     * week or a fresh intent is never taken; the intent's time is kept.
     */
    public boolean takeOver(IsoWeek week, Duration staleAfter) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> handle.attach(DigestDao.class)
                .takeOver(week.format(), now.minus(staleAfter).toEpochMilli(), now.toEpochMilli()) == 1);
    }

    /**
     * Records where the digest of {@code week} landed; false when it was recorded before (the first record stays).
     *
     * @throws IllegalStateException when the week was never claimed
     */
    public boolean recordPosted(IsoWeek week, String channel, String messageTs) {
        long at = clock.millis();
        return jdbi.inTransaction(handle -> {
            DigestDao dao = handle.attach(DigestDao.class);
            if (dao.markPosted(week.format(), channel, messageTs, at) == 1) {
                return true;
            }
            if (dao.byWeek(week.format()).isEmpty()) {
                throw new IllegalStateException("The digest of " + week + " was posted without being claimed first");
            }
            return false;
        });
    }

    public Optional<DigestRecord> state(IsoWeek week) {
        return jdbi.withExtension(DigestDao.class, dao -> dao.byWeek(week.format()).map(DigestLedger::toRecord));
    }

    /** The latest week posted: what {@code /incident digest last} shows. */
    public Optional<DigestRecord> lastPosted() {
        return jdbi.withExtension(DigestDao.class, dao -> dao.lastPosted().map(DigestLedger::toRecord));
    }

    /** Claimed and never recorded as posted, oldest week first. */
    public List<DigestRecord> unfinished() {
        return jdbi.withExtension(DigestDao.class, dao -> dao.unfinished().stream().map(DigestLedger::toRecord)
                .toList());
    }

    private static DigestRecord toRecord(DigestRow row) {
        return new DigestRecord(IsoWeek.parse(row.isoWeek()), DigestState.valueOf(row.state()), row.channel(),
                row.messageTs(), Instant.ofEpochMilli(row.createdAt()),
                instant(row.postedAt()), instant(row.takenOverAt()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
