package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.Migrations;
import dev.mayday.db.StoreKind;
import dev.mayday.db.digest.DigestRow;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.db.rotation.HandoffOfferRow;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.digest.StoreOrigin;
import dev.mayday.digest.WeeklyDigests;
import dev.mayday.support.TestClock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the timers' own ledgers held before V019 becomes outbox rows: nothing owed is lost, nothing posted is redone. */
class TimersMigrationTest {

    @TempDir
    Path dir;

    @Test
    void owedNoticesOffersAndDigestWeeks_becomeOutboxRows_andAPostedWeekIsNeverQueuedAgain() {
        String url = "jdbc:sqlite:" + dir.resolve("mayday.db");
        Flyway.configure().dataSource(url, "", "").locations(Migrations.locations(StoreKind.SQLITE)).target("18").load().migrate();
        TypedOutboxMigrationTest.insertIncident(Jdbi.create(url), 4);
        Jdbi.create(url).useHandle(h -> {
            h.execute("""
                    INSERT INTO duty_assignments (id, incident_id, user_id, role, credited, assigned_at)
                    VALUES (7, 4, 'U0ALEX', 'LEAD', 1, 1), (8, 4, 'U0AMY', 'LEAD', 1, 2), (9, 4, 'U0BEN', 'LEAD', 1, 3),
                           (10, 4, 'U0CAL', 'LEAD', 1, 4)""");
            h.execute("""
                    INSERT INTO handoff_offers (assignment_id, incident_id, lead, next_lead, offered_at, message_ts,
                                                attempts, failure)
                    VALUES (7, 4, 'U0ALEX', 'U0AMY', 50, '1.7', 1, NULL),
                           (8, 4, 'U0AMY', 'U0BEN', 60, NULL, 2, NULL),
                           (9, 4, 'U0BEN', 'U0CAL', 70, NULL, 1, 'channel_not_found'),
                           (10, 4, 'U0CAL', 'U0DEE', 80, NULL, 5, NULL)""");
            h.execute("""
                    INSERT INTO duty_roster_changes (id, changed_at, actor, target, action, kind, notice_state,
                                                     notice_attempts, notice_due_at)
                    VALUES (1, 100, 'U0ALEX', 'U0ALEX', 'JOINED', 'ENGINEER', NULL, 0, NULL),
                           (2, 200, 'U0ALEX', 'U0KIM', 'JOINED', 'MANAGER', 'PENDING', 2, 900),
                           (3, 300, 'U0ALEX', 'U0SAM', 'LEFT', NULL, 'SENT', 1, 300)""");
            h.execute("""
                    INSERT INTO digests (iso_week, state, channel, message_ts, created_at, posted_at)
                    VALUES ('2026-W46', 'POSTED', 'C0DIGEST', '1.1', 10, 20),
                           ('2026-W47', 'INTENT', NULL, NULL, 30, NULL)""");
        });

        Database database = Database.open(url);
        try {
            List<OutboxRow> notices = database.read(store -> store.outbox().ofType("RosterNotice"));
            assertThat(notices).extracting(row -> Publications.read(row.type(), row.payload()))
                    .containsExactly(new RosterNotice(2, "U0KIM"));
            assertThat(notices).extracting(OutboxRow::attempts).containsExactly(2);

            List<OutboxRow> digests = database.read(store -> store.outbox().ofType("WeeklyDigest"));
            assertThat(digests).extracting(row -> Publications.read(row.type(), row.payload()))
                    .containsExactly(new WeeklyDigest("2026-W46"), new WeeklyDigest("2026-W47"));
            assertThat(digests).extracting(OutboxRow::state).containsExactly(OutboxRow.DONE, OutboxRow.PENDING);
            assertThat(digests.get(1).attempts()).as("the intent's post may have landed: look first").isEqualTo(1);
            Optional<DigestRow> lastPosted = database.read(store -> store.digests().lastPosted());
            assertThat(lastPosted).contains(new DigestRow("2026-W46", "C0DIGEST", "1.1", 20));

            List<OutboxRow> offers = database.read(store -> store.outbox().ofType("HandOffOffered"));
            assertThat(offers).as("only the offer neither posted nor given up is still owed")
                    .extracting(row -> Publications.read(row.type(), row.payload()))
                    .containsExactly(new HandOffOffered(8, 4));
            assertThat(offers).extracting(OutboxRow::attempts, OutboxRow::uniqueKey, OutboxRow::lane)
                    .containsExactly(tuple(2, "handoff-offer/8", "slack/incident/4"));
            assertThat(database.read(store -> store.handOffOffers().byStint(7)).map(HandoffOfferRow::messageTs))
                    .contains("1.7");

            // Tuesday of W47: W46 is due by the schedule once more, but it was posted before the upgrade
            TestClock clock = new TestClock(Instant.parse("2026-11-17T10:00:00Z"));
            new StoreOrigin(database).existedAt(Instant.parse("2026-11-01T00:00:00Z")); // so W46 is refused as posted
            WeeklyDigests timer = new WeeklyDigests(DigestSchedule.parse("MON 09:00", ZoneOffset.UTC), database, clock,
                    () -> { });
            assertThat(timer.queueDue()).isEmpty();
        } finally {
            database.close();
        }
    }
}
