package dev.mayday.slack;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.db.timeline.TimelineDao;
import dev.mayday.db.timeline.TimelineRow;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.slack.handlers.TimelineReply;
import dev.mayday.timeline.KeyTimeline;
import dev.mayday.db.sql.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineReplyTest {

    private static final Instant START = Instant.parse("2026-03-14T22:50:00Z");

    @TempDir
    Path dir;
    Database database;
    TimelineReply reply;
    long incidentId;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        reply = new TimelineReply(new KeyTimeline(database), ZoneId.of("Europe/Berlin"));
        incidentId = database.jdbi().inTransaction(h -> {
            IncidentDao incidents = new IncidentDao(Sql.on(h));
            incidents.insertIfNew(new IncidentRow(0, "Checkout down", null, "SEV2", "INVESTIGATING", false, false,
                    IncidentRow.People.declarerLeads("U0ALEX"),
                    IncidentRow.Times.declared(START.toEpochMilli()), null, "k",
                    IncidentRow.Place.declaredFrom("C0"), START.toEpochMilli()));
            long id = incidents.byOriginKey("k").orElseThrow().id();
            incidents.attachChannel(id, "C0INC", "inc");
            return id;
        });
    }

    private void note(int minute, String text) {
        database.jdbi().useHandle(h -> new TimelineDao(Sql.on(h)).insert(new TimelineRow(0, incidentId,
                START.plusSeconds(60L * minute).toEpochMilli(), "NOTE_ADDED", "U0SAM", text, true, null, null)));
    }

    @Test
    void multiLineText_staysOnOneLine() {
        note(1, "first line\n\nsecond line");

        assertThat(reply.forChannel("C0INC").lines().toList())
                .containsExactly("*Key events of incident #1: Checkout down* (times in Europe/Berlin)",
                        "`2026-03-14 23:51` <@U0SAM> noted: first line / second line");
    }

    @Test
    void aLongTimeline_dropsTheOldestLines_andDatesTheFirstLineShown() {
        for (int minute = 1; minute <= 100; minute++) {
            note(minute, "note " + minute + " " + "x".repeat(150));
        }

        String text = reply.forChannel("C0INC");
        List<String> lines = text.lines().toList();

        assertThat(text.length()).isLessThanOrEqualTo(TimelineReply.MAX_CHARS);
        assertThat(lines.get(1)).matches("_… \\d+ earlier key events not shown_");
        assertThat(lines.get(2)).as("the date is not lost with the cut lines").startsWith("`2026-03-15 ");
        assertThat(lines.get(lines.size() - 1)).contains("note 100 ");
    }

    @Test
    void aChannelWithoutAnIncident_isARuleViolationNamingTheCommand() {
        assertThatThrownBy(() -> reply.forChannel("C0GENERAL")).isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("not an incident channel").hasMessageContaining("/incident timeline");
    }
}
