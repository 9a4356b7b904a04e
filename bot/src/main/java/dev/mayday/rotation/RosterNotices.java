package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.db.rotation.RosterChangeRow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The direct messages roster changes owe the people they concern: each was recorded PENDING in the change's own
 * transaction, so a crash cannot lose one. An adapter takes the due ones, counts each attempt before it starts, and
 * reports how it went.
 */
public final class RosterNotices {

    private final Database database;
    private final Clock clock;

    public RosterNotices(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A direct message owed for {@code change}; {@code attempts} made so far. */
    public record Notice(long id, RosterChange change, int attempts) {
    }

    /** Notices due now, oldest first, at most {@code limit}. */
    public List<Notice> due(int limit) {
        return database.read(store -> store.roster().dueNotices(clock.millis(), limit).stream()
                .map(RosterNotices::toNotice).toList());
    }

    /** Counts an attempt; false when the notice is no longer pending (another worker finished it). */
    public boolean claim(Notice notice) {
        return database.inTransaction(store -> store.roster().claimNotice(notice.id())) == 1;
    }

    public void sent(Notice notice, String messageTs) {
        database.inTransaction(store -> store.roster().noticeSent(notice.id(), messageTs));
    }

    /** Tries again at {@code due}, after a failure that may heal. */
    public void later(Notice notice, Instant due, String error) {
        database.inTransaction(store -> store.roster().noticeLater(notice.id(), due.toEpochMilli(), error));
    }

    /** Gives up after a refusal that will not heal (the person is gone, the token is revoked). */
    public void failed(Notice notice, String error) {
        database.inTransaction(store -> store.roster().noticeFailed(notice.id(), error));
    }

    public int pendingCount() {
        return database.read(store -> store.roster().pendingNoticeCount());
    }

    public Instant now() {
        return clock.instant();
    }

    private static Notice toNotice(RosterChangeRow row) {
        return new Notice(row.id(), RosterRows.toChange(row), row.noticeAttempts());
    }
}
