package dev.mayday.timeline;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.TimelineDao;
import dev.mayday.support.TestClock;
import dev.mayday.db.sql.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineCaptureTest {

    private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");
    private static final String CHANNEL = "C0INC";
    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";

    @TempDir
    Path dir;
    Database database;
    TestClock clock;
    TimelineCapture capture;
    long incidentId;

    @BeforeEach
    void openStore() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        clock = new TestClock(START);
        capture = new TimelineCapture(database, clock);
        incidentId = database.jdbi().inTransaction(h -> {
            IncidentDao incidents = new IncidentDao(Sql.on(h));
            incidents.insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                    IncidentRow.People.declarerLeads(ALEX),
                    IncidentRow.Times.declared(START.toEpochMilli()), null, "command:T1",
                    IncidentRow.Place.declaredFrom("C0GENERAL"), START.toEpochMilli()));
            long id = incidents.byOriginKey("command:T1").orElseThrow().id();
            incidents.attachChannel(id, CHANNEL, "inc-20260314-checkout-down");
            return id;
        });
    }

    private static MessageRef ref(String ts) {
        return new MessageRef(CHANNEL, ts);
    }

    private static ChannelMessage said(String ts, String author, String text) {
        return new ChannelMessage(ref(ts), null, author, text, false);
    }

    /** Every row of the incident's timeline, chatter and deleted rows included. */
    private List<TimelineEntry> entries() {
        return database.jdbi().withHandle(h -> new TimelineDao(Sql.on(h)).forIncident(incidentId).stream()
                .map(TimelineRows::toEntry).toList());
    }

    private TimelineEntry only(TimelineKind kind, String ts) {
        List<TimelineEntry> matching = entries().stream()
                .filter(e -> e.kind() == kind && ts.equals(e.slackTs())).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private long processedEvents() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM processed_events").mapTo(Long.class).one());
    }

    @Test
    void posted_storesChatterAtItsTs_onceWhateverTheEventId() {
        assertThat(capture.posted("Ev1", said("1773478800.000100", SAM, "LB looks fine"))).isEqualTo(Captured.STORED);
        assertThat(capture.posted("Ev1", said("1773478800.000100", SAM, "LB looks fine"))).isEqualTo(Captured.ALREADY_SEEN);
        assertThat(capture.posted("Ev2", said("1773478800.000100", SAM, "LB looks fine"))).isEqualTo(Captured.ALREADY_SEEN);

        assertThat(only(TimelineKind.MESSAGE, "1773478800.000100")).satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochSecond(1773478800L));
            assertThat(e.isKey()).isFalse();
            assertThat(e.dedupeKey()).isEqualTo("msg:" + CHANNEL + ":1773478800.000100");
        });
    }

    @Test
    void aRepeatedEventId_isAlreadySeen_evenIfItsContentDiffers() {
        capture.posted("Ev1", said("1773478800.000100", SAM, "first"));

        assertThat(capture.posted("Ev1", said("1773478801.000100", SAM, "second"))).isEqualTo(Captured.ALREADY_SEEN);
        assertThat(entries()).noneMatch(e -> "second".equals(e.text()));
    }

    @Test
    void appsMessages_areKeptAsideForPins_notAsChatter_andAuthorlessOnesLeaveNoTrace() {
        assertThat(capture.posted("Ev1", new ChannelMessage(ref("1.000100"), null, "UBOT", "deploy done", true)))
                .isEqualTo(Captured.STORED);
        assertThat(entries()).isEmpty();
        assertThat(processedEvents()).isOne();

        assertThat(capture.posted("Ev2", new ChannelMessage(ref("1.000200"), null, null, "?", false)))
                .isEqualTo(Captured.NOT_CHATTER);
        assertThat(entries()).isEmpty();
        assertThat(processedEvents()).isOne();
    }

    @Test
    void otherChannels_areNotAnIncidents_andLeaveNoTrace() {
        MessageRef elsewhere = new MessageRef("C0GENERAL", "1.000100");

        assertThat(capture.posted("Ev1", new ChannelMessage(elsewhere, null, SAM, "lunch?", false)))
                .isEqualTo(Captured.NOT_AN_INCIDENT_CHANNEL);
        assertThat(capture.pinned("Ev2", elsewhere, SAM, ALEX)).isEqualTo(Captured.NOT_AN_INCIDENT_CHANNEL);
        assertThat(processedEvents()).isZero();
    }

    @Test
    void threadReply_keepsItsParent_butAParentIsNoReplyToItself() {
        capture.posted("Ev1", new ChannelMessage(ref("1.000100"), "1.000100", ALEX, "parent", false));
        capture.posted("Ev2", new ChannelMessage(ref("1.000200"), "1.000100", SAM, "reply", false));

        assertThat(only(TimelineKind.MESSAGE, "1.000100").threadTs()).isNull();
        assertThat(only(TimelineKind.MESSAGE, "1.000200").threadTs()).isEqualTo("1.000100");
    }

    @Test
    void edited_appliesNewerText_ignoresSameTextAndOlderEdits() {
        capture.posted("Ev1", said("1.000100", SAM, "v1"));

        assertThat(capture.edited("Ev2", said("1.000100", SAM, "v3"), Instant.ofEpochSecond(30))).isEqualTo(Captured.STORED);
        assertThat(capture.edited("Ev3", said("1.000100", SAM, "v2"), Instant.ofEpochSecond(20))).isEqualTo(Captured.UNCHANGED);
        assertThat(capture.edited("Ev4", said("1.000100", SAM, "v3"), Instant.ofEpochSecond(40))).isEqualTo(Captured.UNCHANGED);

        assertThat(only(TimelineKind.MESSAGE, "1.000100")).satisfies(e -> {
            assertThat(e.text()).isEqualTo("v3");
            assertThat(e.editedAt()).isEqualTo(Instant.ofEpochSecond(30));
        });
    }

    @Test
    void edited_withoutATime_usesTheClock() {
        capture.posted("Ev1", said("1.000100", SAM, "v1"));
        clock.advance(Duration.ofMinutes(3));

        capture.edited("Ev2", said("1.000100", SAM, "v2"), null);

        assertThat(only(TimelineKind.MESSAGE, "1.000100").editedAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void editOfAnUnseenMessage_storesItAsEdited_andTheLateOriginalChangesNothing() {
        assertThat(capture.edited("Ev2", said("1.000100", SAM, "v2"), Instant.ofEpochSecond(20))).isEqualTo(Captured.STORED);
        assertThat(capture.posted("Ev1", said("1.000100", SAM, "v1"))).isEqualTo(Captured.ALREADY_SEEN);

        assertThat(only(TimelineKind.MESSAGE, "1.000100").text()).isEqualTo("v2");
    }

    @Test
    void deleted_marksTheMessageAndItsPin_andIsIdempotent() {
        capture.posted("Ev1", said("1.000100", SAM, "oops"));
        capture.pinned("Ev2", ref("1.000100"), ALEX, SAM);

        assertThat(capture.deleted("Ev3", ref("1.000100"), SAM)).isEqualTo(Captured.STORED);
        assertThat(capture.deleted("Ev4", ref("1.000100"), SAM)).isEqualTo(Captured.UNCHANGED);

        assertThat(only(TimelineKind.MESSAGE, "1.000100").deleted()).isTrue();
        assertThat(only(TimelineKind.PINNED, "1.000100").deleted()).isTrue();
        assertThat(capture.pinned("Ev5", ref("1.000100"), SAM, SAM)).isEqualTo(Captured.UNCHANGED);
        assertThat(only(TimelineKind.PINNED, "1.000100").deleted()).isTrue();
    }

    @Test
    void deleteOfAnUnseenMessage_keepsTheLateOriginalOut() {
        assertThat(capture.deleted("Ev2", ref("1.000100"), SAM)).isEqualTo(Captured.STORED);
        assertThat(capture.posted("Ev1", said("1.000100", SAM, "secret"))).isEqualTo(Captured.ALREADY_SEEN);

        assertThat(only(TimelineKind.MESSAGE, "1.000100")).satisfies(e -> {
            assertThat(e.deleted()).isTrue();
            assertThat(e.text()).isEmpty();
        });
    }

    @Test
    void pinned_copiesTheCapturedMessage_andUnpinnedWaitsForTheLastHolder() {
        capture.posted("Ev1", new ChannelMessage(ref("1.000100"), "0.000900", SAM, "DNS TTL was 24h", false));

        assertThat(capture.pinned("Ev2", ref("1.000100"), ALEX, "UIGNORED")).isEqualTo(Captured.STORED);
        assertThat(capture.pinned("Ev3", ref("1.000100"), "U0KIM", SAM)).isEqualTo(Captured.UNCHANGED);
        assertThat(only(TimelineKind.PINNED, "1.000100")).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(SAM);
            assertThat(e.text()).isEqualTo("DNS TTL was 24h");
            assertThat(e.threadTs()).isEqualTo("0.000900");
            assertThat(e.isKey()).isTrue();
        });

        assertThat(capture.unpinned("Ev4", ref("1.000100"), "U0NOBODY")).isEqualTo(Captured.UNCHANGED);
        assertThat(capture.unpinned("Ev5", ref("1.000100"), ALEX)).isEqualTo(Captured.UNCHANGED);
        assertThat(only(TimelineKind.PINNED, "1.000100").deleted()).isFalse();
        assertThat(capture.unpinned("Ev6", ref("1.000100"), "U0KIM")).isEqualTo(Captured.STORED);
        assertThat(only(TimelineKind.PINNED, "1.000100").deleted()).isTrue();
    }

    @Test
    void pinOfAnUnseenMessage_usesAStandIn_untilTheMessageArrives() {
        capture.pinned("Ev1", ref("1.000100"), ALEX, SAM);
        assertThat(only(TimelineKind.PINNED, "1.000100").text()).isEqualTo(TimelineCapture.NOT_CAPTURED);

        capture.posted("Ev2", said("1.000100", SAM, "it was DNS"));

        assertThat(only(TimelineKind.PINNED, "1.000100").text()).isEqualTo("it was DNS");
    }

    @Test
    void theEventIdAndItsEffect_areStoredTogetherOrNotAtAll() {
        database.jdbi().useHandle(h -> h.execute("""
                CREATE TRIGGER disk_full BEFORE INSERT ON timeline_events
                BEGIN SELECT RAISE(ABORT, 'disk full'); END"""));

        assertThatThrownBy(() -> capture.posted("Ev1", said("1.000100", SAM, "lost?"))).hasMessageContaining("disk full");
        assertThat(processedEvents()).isZero();

        database.jdbi().useHandle(h -> h.execute("DROP TRIGGER disk_full"));
        assertThat(capture.posted("Ev1", said("1.000100", SAM, "lost?"))).as("Slack's retry").isEqualTo(Captured.STORED);
    }
}
