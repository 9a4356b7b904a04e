package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.Migrations;
import dev.mayday.db.StoreKind;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.timeline.TimelineKind;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows written by the version before V018 (kinds as strings, posted_ts) survive the upgrade, pending ones included. */
class TypedOutboxMigrationTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfEveryOldKind_areConvertedToTheirTypedPublication_keepingIdStateAndWhatWasPosted() {
        String url = "jdbc:sqlite:" + dir.resolve("mayday.db");
        Flyway.configure().dataSource(url, "", "").locations(Migrations.locations(StoreKind.SQLITE)).target("17").load().migrate();
        insertIncident(Jdbi.create(url), 4);
        Jdbi.create(url).useHandle(h -> h.execute("""
                INSERT INTO outbox (id, incident_id, kind, change_kind, actor, text, state, attempts, next_attempt_at,
                                    posted_ts, created_at)
                VALUES (11, 4, 'DECLARED', NULL, 'U0ALEX', NULL, 'DONE', 1, 5, NULL, 5),
                       (12, 4, 'CHANGED', 'NOTE_ADDED', 'U0ALEX', 'rolled back', 'PENDING', 2, 6, '1700.0001', 6),
                       (13, 4, 'POSTMORTEM', NULL, 'U0SAM', NULL, 'PENDING', 0, 7, NULL, 7),
                       (14, 4, 'PAGER_RESOLVE', NULL, 'U0SAM', NULL, 'FAILED', 4, 8, NULL, 8),
                       (15, 4, 'PAGER_NOTE', NULL, 'U0SAM', 'seen it', 'PENDING', 1, 9, 'PNOTE1', 9),
                       (16, 4, 'PAGER_RESPONDERS', NULL, 'PagerDuty', 'PEP1', 'PENDING', 0, 10, NULL, 10)"""));

        Database database = Database.open(url);
        try {
            List<OutboxRow> rows = database.read(store -> store.outbox().forIncident(4));

            assertThat(rows).extracting(row -> Publications.read(row.type(), row.payload())).containsExactly(
                    new ChannelSetUp(4), new ChangePosted(4, TimelineKind.NOTE_ADDED, "U0ALEX", "rolled back"),
                    new PostmortemRequested(4, "U0SAM"), new PagerResolve(4), new PagerNote(4, "U0SAM", "seen it"),
                    new PagerResponders(4, "PEP1"));
            assertThat(rows).extracting(OutboxRow::id).containsExactly(11L, 12L, 13L, 14L, 15L, 16L);
            assertThat(rows).extracting(OutboxRow::state).containsExactly("DONE", "PENDING", "PENDING", "FAILED",
                    "PENDING", "PENDING");
            assertThat(rows).extracting(OutboxRow::attempts).containsExactly(1, 2, 0, 4, 1, 0);
            assertThat(rows).extracting(OutboxRow::result).containsExactly(null, "1700.0001", null, null, "PNOTE1", null);
            assertThat(rows).extracting(OutboxRow::lane).containsExactly("slack/incident/4", "slack/incident/4",
                    "slack/incident/4", "pagerduty/incident/4", "pagerduty/incident/4", "pagerduty/incident/4");
            int ownNotes = database.read(store -> store.pagerDuty().isOwnNote("PNOTE1"));
            assertThat(ownNotes).isEqualTo(1);

            // a row queued after the upgrade never takes an id a tag (change-<id>) may already name
            database.inTransaction(store -> {
                Publications.enqueue(store, new PagerResolve(4), java.time.Instant.EPOCH);
                return null;
            });
            List<OutboxRow> after = database.read(store -> store.outbox().forIncident(4));
            assertThat(after).last()
                    .satisfies(row -> assertThat(row.id()).isGreaterThan(16));
        } finally {
            database.close();
        }
    }

    static void insertIncident(Jdbi jdbi, long id) {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO incidents (id, title, severity, status, declared_by, lead, declared_at, origin_key, updated_at)
                VALUES (?, 'Checkout is down', 'SEV2', 'INVESTIGATING', 'U0ALEX', 'U0ALEX', 1, ?, 1)""", id, "test-" + id));
    }
}
