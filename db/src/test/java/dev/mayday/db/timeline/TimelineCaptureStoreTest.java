package dev.mayday.db.timeline;

import dev.mayday.db.StoreTest;
import dev.mayday.db.TestStores;
import dev.mayday.db.StoreKind;
import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.sql.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The V003 columns and tables behind capturing channel messages, reactions and Slack's retried deliveries. */
class TimelineCaptureStoreTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;
    Jdbi jdbi;
    Handle handle;
    long incidentId;

    void open(StoreKind kind) {
        opened = TestStores.open(kind, dir);
        jdbi = opened.database().jdbi();
        incidentId = jdbi.inTransaction(h -> {
            IncidentDao incidents = new IncidentDao(Sql.on(h));
            incidents.insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                    IncidentRow.People.declarerLeads("U1"),
                    IncidentRow.Times.declared(1_000L), null, "k",
                    IncidentRow.Place.declaredFrom("C0"), 1_000L));
            return incidents.byOriginKey("k").orElseThrow().id();
        });
        handle = jdbi.open();
    }

    @AfterEach
    void close() {
        if (handle != null) {
            handle.close();
        }
        if (opened != null) {
            opened.close();
        }
    }

    private TimelineRow message(String ts, String threadTs, String text) {
        return new TimelineRow(0, incidentId, 5_000L, "MESSAGE", "U2", text, false, ts, "msg:C1:" + ts,
                threadTs, false, null);
    }

    private TimelineDao timeline() {
        return new TimelineDao(Sql.on(handle));
    }

    @StoreTest
    void insertIfAbsent_storesEveryColumnOnce(StoreKind kind) {
        open(kind);
        int first = timeline().insertIfAbsent(message("1.000200", "1.000100", "reply"));
        int again = timeline().insertIfAbsent(message("1.000200", "1.000100", "reply, delivered twice"));

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(timeline().byDedupeKey("msg:C1:1.000200").orElseThrow()).satisfies(row -> {
            assertThat(row.text()).isEqualTo("reply");
            assertThat(row.threadTs()).isEqualTo("1.000100");
            assertThat(row.isKey()).isFalse();
            assertThat(row.deleted()).isFalse();
            assertThat(row.editedAt()).isNull();
        });
    }

    @StoreTest
    void updateTextAndSetDeleted_changeOnlyTheirRow(StoreKind kind) {
        open(kind);
        timeline().insertIfAbsent(message("1.000100", null, "first"));
        timeline().insertIfAbsent(message("1.000300", null, "other"));

        assertThat(timeline().updateText("msg:C1:1.000100", "first (edited)", 9_000L)).isEqualTo(1);
        assertThat(timeline().setDeleted("msg:C1:1.000100", true)).isEqualTo(1);
        assertThat(timeline().setDeleted("msg:C1:1.000100", true)).as("already deleted").isZero();
        assertThat(timeline().setDeleted("msg:C1:9.999999", true)).as("unknown").isZero();

        assertThat(timeline().byDedupeKey("msg:C1:1.000100").orElseThrow()).satisfies(row -> {
            assertThat(row.text()).isEqualTo("first (edited)");
            assertThat(row.editedAt()).isEqualTo(9_000L);
            assertThat(row.deleted()).isTrue();
        });
        assertThat(timeline().byDedupeKey("msg:C1:1.000300").orElseThrow().deleted()).isFalse();
    }

    @StoreTest
    void keyEvents_leaveOutChatterAndDeletedRows(StoreKind kind) {
        open(kind);
        timeline().insert(new TimelineRow(0, incidentId, 1_000L, "DECLARED", "U1", "SEV2 Checkout down", true, null, null));
        timeline().insertIfAbsent(message("1.000100", null, "chatter"));
        timeline().insert(new TimelineRow(0, incidentId, 6_000L, "PINNED", "U2", "kept", true, "1.000200", "pin:C1:1.000200"));
        timeline().insert(new TimelineRow(0, incidentId, 7_000L, "PINNED", "U2", "unpinned", true, "1.000300", "pin:C1:1.000300"));
        timeline().setDeleted("pin:C1:1.000300", true);

        assertThat(timeline().keyEvents(incidentId)).extracting(TimelineRow::text)
                .containsExactly("SEV2 Checkout down", "kept");
    }

    @StoreTest
    void insert_ofAnUnpinnedPin_pinsItAgain_butOtherDeletedRowsStayDeleted(StoreKind kind) {
        open(kind);
        TimelineRow pin = new TimelineRow(0, incidentId, 6_000L, "PINNED", "U2", "p99 ok", true, "1.000200", "pin:C1:1.000200");
        timeline().insert(pin);
        assertThat(timeline().insert(pin)).as("still pinned: a duplicate").isZero();
        timeline().setDeleted("pin:C1:1.000200", true);

        assertThat(timeline().insert(pin)).isEqualTo(1);
        assertThat(timeline().byDedupeKey("pin:C1:1.000200").orElseThrow().deleted()).isFalse();

        timeline().insertIfAbsent(message("1.000100", null, "gone"));
        timeline().setDeleted("msg:C1:1.000100", true);
        assertThat(timeline().insert(message("1.000100", null, "gone"))).isZero();
        assertThat(timeline().byDedupeKey("msg:C1:1.000100").orElseThrow().deleted()).isTrue();
    }

    @StoreTest
    void replaceStandIn_replacesOnlyTheStandIn(StoreKind kind) {
        open(kind);
        timeline().insert(new TimelineRow(0, incidentId, 6_000L, "PINNED", null, "(?)", true, "1.000200", "pin:C1:1.000200"));

        assertThat(timeline().replaceStandIn("pin:C1:1.000200", "(?)", "U2", "the real text")).isEqualTo(1);
        assertThat(timeline().replaceStandIn("pin:C1:1.000200", "(?)", "U3", "again")).isZero();
        assertThat(timeline().byDedupeKey("pin:C1:1.000200").orElseThrow())
                .extracting(TimelineRow::actor, TimelineRow::text).containsExactly("U2", "the real text");
    }

    @StoreTest
    void processedEvents_recordEachEventIdOnce(StoreKind kind) {
        open(kind);
        ProcessedEventDao events = new ProcessedEventDao(Sql.on(handle));

        assertThat(events.recordIfNew("Ev1", 1_000L)).isEqualTo(1);
        assertThat(events.recordIfNew("Ev1", 2_000L)).isZero();
        assertThat(events.recordIfNew("Ev2", 2_000L)).isEqualTo(1);
        assertThat(events.count("Ev1")).isEqualTo(1);
    }

    @StoreTest
    void processedEvent_andTimelineWrite_commitTogetherOrNotAtAll(StoreKind kind) {
        open(kind);
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            new ProcessedEventDao(Sql.on(h)).recordIfNew("Ev9", 1_000L);
            new TimelineDao(Sql.on(h)).insertIfAbsent(message("1.000900", null, "lost"));
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(new ProcessedEventDao(Sql.on(handle)).count("Ev9")).isZero();
        assertThat(timeline().byDedupeKey("msg:C1:1.000900")).isEmpty();
    }

    @StoreTest
    void pinReactions_countHolders(StoreKind kind) {
        open(kind);
        PinReactionDao pins = jdbi.onDemand(PinReactionDao.class);

        assertThat(pins.add("C1", "1.000200", "U1")).isEqualTo(1);
        assertThat(pins.add("C1", "1.000200", "U1")).isZero();
        pins.add("C1", "1.000200", "U2");
        pins.add("C1", "1.000300", "U1");
        assertThat(pins.holders("C1", "1.000200")).isEqualTo(2);

        assertThat(pins.remove("C1", "1.000200", "U1")).isEqualTo(1);
        assertThat(pins.remove("C1", "1.000200", "U1")).isZero();
        assertThat(pins.holders("C1", "1.000200")).isEqualTo(1);
    }
}
