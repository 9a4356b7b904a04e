package dev.mayday.outbox;

import dev.mayday.db.Database;
import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationsTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");

    @TempDir
    Path dir;

    private Database database;

    @BeforeEach
    void openStore() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        for (long id = 1; id <= 7; id++) {
            TypedOutboxMigrationTest.insertIncident(database.jdbi(), id);
        }
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    /** The types that are about no incident, one of each. */
    private static final List<Publication> ABOUT_NO_INCIDENT = List.of(new RosterNotice(12, "U0KIM"),
            new WeeklyDigest("2026-W47"), new HomeRefresh("U0KIM", 1_700_000_000_000L),
            new DrillNotice("failed-2026-12-03T02:00:00Z", ":x: The restore drill failed"),
            new PremortemSetUp(4), new PremortemCardRefresh(4), new PremortemSummaryRequested(4, "U0ALEX"),
            new PremortemOffer(7, "U0KIM", List.of(4L, 2L)));

    @Test
    void publicationsAboutNoIncident_areReadBackAsTheyWereQueued_withTheirLane() {
        database.inTransaction(store -> {
            ABOUT_NO_INCIDENT.forEach(p -> Publications.enqueue(store, p, NOW));
            return null;
        });

        for (Publication publication : ABOUT_NO_INCIDENT) {
            List<OutboxRow> rows = database.read(store -> store.outbox().ofType(publication.getClass().getSimpleName()));
            assertThat(rows).extracting(row -> Publications.read(row.type(), row.payload())).containsExactly(publication);
            assertThat(rows).extracting(OutboxRow::lane).containsExactly(publication.lane().name());
            assertThat(rows).extracting(OutboxRow::incidentId).containsOnlyNulls();
        }
        assertThat(new RosterNotice(12, "U0KIM").lane().name()).isEqualTo("slack/dm/U0KIM");
        assertThat(new PremortemSetUp(4).lane().name()).isEqualTo("slack/premortem/4");
        assertThat(new PremortemOffer(7, "U0KIM", List.of(4L)).lane().name()).isEqualTo("slack/dm/U0KIM");
    }

    @Test
    void everyPublicationType_isReadBackAsItWasQueued_withItsLaneTypeAndIncident() {
        List<Publication> all = List.of(new ChannelSetUp(7), new ChannelRefused(7, "restricted_action"),
                new ChangePosted(7, TimelineKind.NOTE_ADDED, "U0ALEX", "a \"note\""),
                new PostmortemRequested(7, "U0ALEX"), new IncidentNotice(7, ":warning: PagerDuty said no"),
                new OnCallInvited(7, 12, List.of(new OnCallInvited.Person("Robin", "robin@example.com"),
                        new OnCallInvited.Person("Kim", null))),
                new PagerResolve(7), new PagerNote(7, "U0SAM", "seen"), new PagerResponders(7, "PEP1"),
                new HandOffOffered(3, 7), new HandOffTaken(3, 7, "U0BEN"),
                PagerPage.person(7, "U0DBA", "replica lag", "U0ALEX"), PagerPage.service(7, "Database", "", "U0ALEX"),
                new PagerAcknowledge(7), new PagerPriority(7, "SEV1"), new PagerReassign(7, "U0BEA"),
                new UpdateReminder(7, 2, 1_700_000_000_000L, 1_700_000_900_000L),
                new CloseReminder(7, 1_700_000_000_000L),
                new StakeholderUpdate(7, "Rolled back <@U0ALEX>'s \"deploy\"", 1_700_000_000_000L));
        assertThat(Publication.class.getPermittedSubclasses()).as("each type is tried here or below")
                .hasSize(all.size() - 1 + ABOUT_NO_INCIDENT.size());

        database.inTransaction(store -> {
            all.forEach(p -> Publications.enqueue(store, p, NOW));
            return null;
        });

        List<OutboxRow> rows = database.read(store -> store.outbox().forIncident(7));
        assertThat(rows).extracting(row -> Publications.read(row.type(), row.payload())).containsExactlyElementsOf(all);
        assertThat(rows).extracting(OutboxRow::type).containsExactly("ChannelSetUp", "ChannelRefused", "ChangePosted",
                "PostmortemRequested", "IncidentNotice", "OnCallInvited", "PagerResolve", "PagerNote", "PagerResponders",
                "HandOffOffered", "HandOffTaken", "PagerPage", "PagerPage", "PagerAcknowledge", "PagerPriority",
                "PagerReassign", "UpdateReminder", "CloseReminder", "StakeholderUpdate");
        assertThat(rows).extracting(OutboxRow::lane).containsExactly("slack/incident/7", "slack/notices/incident/7",
                "slack/incident/7", "slack/incident/7", "slack/incident/7", "slack/incident/7", "pagerduty/incident/7",
                "pagerduty/incident/7", "pagerduty/incident/7", "slack/incident/7", "slack/incident/7",
                "pagerduty/incident/7", "pagerduty/incident/7", "pagerduty/incident/7", "pagerduty/incident/7",
                "pagerduty/incident/7", "slack/incident/7", "slack/incident/7", "slack/incident/7");
        assertThat(rows).allSatisfy(row -> assertThat(row.state()).isEqualTo(OutboxRow.PENDING));
    }

    @Test
    void enqueueOnce_withAKeyQueuedBefore_queuesNothing_evenAfterTheFirstWasDelivered() {
        assertThat(enqueueOnce(new PagerResolve(3), "resolve-3")).isTrue();
        long id = database.read(store -> store.outbox().forIncident(3)).get(0).id();
        database.inTransaction(store -> store.outbox().markDone(id, NOW.toEpochMilli()));

        assertThat(enqueueOnce(new PagerResolve(3), "resolve-3")).isFalse();
        assertThat(enqueueOnce(new PagerResolve(3), "resolve-3-again")).isTrue();

        assertThat(rowsOf(3)).hasSize(2);
    }

    @Test
    void enqueueUnlessQueued_mergesRequestsThatWaitTogether_butNotOneMadeAfterTheDeliveryStarted() {
        assertThat(enqueueUnlessQueued(new PagerResolve(3), "refresh-3")).isTrue();
        assertThat(enqueueUnlessQueued(new PagerResolve(3), "refresh-3")).as("the first still waits").isFalse();
        long id = rowsOf(3).get(0).id();
        database.inTransaction(store -> store.outbox().claim(id));

        assertThat(enqueueUnlessQueued(new PagerResolve(3), "refresh-3")).as("the first has started").isTrue();
        assertThat(enqueueUnlessQueued(new PagerResolve(3), "refresh-3")).isFalse();
        assertThat(rowsOf(3)).hasSize(2);
    }

    @Test
    void enqueue_withoutAKey_queuesEveryTime() {
        database.inTransaction(store -> {
            Publications.enqueue(store, new PagerResolve(3), NOW);
            Publications.enqueue(store, new PagerResolve(3), NOW);
            return null;
        });

        assertThat(rowsOf(3)).hasSize(2);
    }

    @Test
    void due_givesTheOldestPendingRowOfEachLane() {
        database.inTransaction(store -> {
            Publications.enqueue(store, new ChannelSetUp(1), NOW);
            Publications.enqueue(store, new ChangePosted(1, TimelineKind.NOTE_ADDED, "U0ALEX", "later"), NOW);
            Publications.enqueue(store, new PagerNote(1, "U0ALEX", "beside"), NOW);
            Publications.enqueue(store, new ChannelSetUp(2), NOW);
            return null;
        });

        List<OutboxRow> due = database.read(store -> store.outbox().due(NOW.toEpochMilli(), 100));

        assertThat(due).extracting(row -> Publications.read(row.type(), row.payload()))
                .containsExactly(new ChannelSetUp(1), new PagerNote(1, "U0ALEX", "beside"), new ChannelSetUp(2));
    }

    private boolean enqueueOnce(Publication publication, String key) {
        Boolean queued = database.inTransaction(store -> Publications.enqueueOnce(store, publication, key, NOW));
        return queued;
    }

    private boolean enqueueUnlessQueued(Publication publication, String key) {
        Boolean queued = database.inTransaction(store -> Publications.enqueueUnlessQueued(store, publication, key, NOW));
        return queued;
    }

    private List<OutboxRow> rowsOf(long incidentId) {
        return database.read(store -> store.outbox().forIncident(incidentId));
    }

    @Test
    void read_ofAnUnknownType_isRefused() {
        assertThatThrownBy(() -> Publications.read("Telegram", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Telegram");
    }
}
