package dev.mayday.digest;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void parse_dayAndTime_inAnyCase() {
        assertThat(DigestSchedule.parse("MON 09:00", BERLIN))
                .isEqualTo(new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0), BERLIN));
        assertThat(DigestSchedule.parse("  fri   17:30 ", ZoneOffset.UTC).format()).isEqualTo("FRI 17:30");
    }

    @Test
    void parse_invalid_namesTheVariableAndTheForm() {
        for (String bad : new String[] {"", "MONDAY 09:00", "MON 9:00", "MON 24:00", "XYZ 09:00", "MON09:00", null}) {
            assertThatThrownBy(() -> DigestSchedule.parse(bad, BERLIN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("DIGEST_SCHEDULE must be a day and a 24-hour local time like \"MON 09:00\"")
                    .hasMessageContaining("got: \"" + bad + "\"");
        }
    }

    @Test
    void isoWeek_parseFormatAndBounds() {
        IsoWeek week = IsoWeek.parse("2026-W47");
        assertThat(week.format()).isEqualTo("2026-W47");
        assertThat(week.start(BERLIN)).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(week.end(BERLIN)).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(IsoWeek.parse("2021-W01").monday()).hasToString("2021-01-04");
        assertThat(IsoWeek.of(java.time.LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2026-W53").next()).hasToString("2027-W01");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("2025 has weeks 1 to 52");
        assertThatThrownBy(() -> IsoWeek.parse("2026-47")).hasMessageContaining("looks like 2026-W47");
    }

    @Test
    void isoWeek_withDaylightSavingSwitch_isShorterOrLonger_andWeeksTouch() {
        IsoWeek spring = IsoWeek.parse("2026-W13"); // Sunday 29 March: 02:00 → 03:00
        IsoWeek autumn = IsoWeek.parse("2026-W43"); // Sunday 25 October: 03:00 → 02:00
        assertThat(Duration.between(spring.start(BERLIN), spring.end(BERLIN))).isEqualTo(Duration.ofHours(167));
        assertThat(Duration.between(autumn.start(BERLIN), autumn.end(BERLIN))).isEqualTo(Duration.ofHours(169));
        assertThat(spring.end(BERLIN)).isEqualTo(spring.next().start(BERLIN));
        assertThat(spring.contains(Instant.parse("2026-03-29T21:59:59Z"), BERLIN)).isTrue();
        assertThat(spring.contains(Instant.parse("2026-03-29T22:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void dueAt_beforeTheSlot_isTheWeekBefore_afterIt_theWeekThatEnded() {
        DigestSchedule schedule = DigestSchedule.parse("MON 09:00", BERLIN);
        Instant slot = Instant.parse("2026-11-23T08:00:00Z"); // Monday 09:00 CET
        assertThat(schedule.slotOf(IsoWeek.parse("2026-W47"))).isEqualTo(slot);
        assertThat(schedule.dueAt(slot.minusMillis(1))).hasToString("2026-W46");
        assertThat(schedule.dueAt(slot)).hasToString("2026-W47");
        assertThat(schedule.nextSlotAfter(slot.minusMillis(1))).isEqualTo(slot);
        assertThat(schedule.nextSlotAfter(slot)).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void dueAt_afterAMissedSlot_isStillTheWeekThatEnded() {
        DigestSchedule schedule = DigestSchedule.parse("MON 09:00", BERLIN);
        // The bot was down from Sunday evening until Wednesday: the Monday slot passed unseen.
        assertThat(schedule.dueAt(Instant.parse("2026-11-22T18:00:00Z"))).hasToString("2026-W46");
        assertThat(schedule.dueAt(Instant.parse("2026-11-25T10:00:00Z"))).hasToString("2026-W47");
        assertThat(schedule.dueAt(Instant.parse("2026-11-29T22:59:59Z"))).hasToString("2026-W47");
    }

    @Test
    void slotOf_inTheSpringGap_movesPastIt_andInTheAutumnOverlap_takesTheEarlier() {
        DigestSchedule sunday0230 = DigestSchedule.parse("SUN 02:30", BERLIN);
        // W12's digest is due Sunday 29 March 02:30, which does not exist: 03:30 CEST.
        assertThat(sunday0230.slotOf(IsoWeek.parse("2026-W12"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // W42's is due Sunday 25 October 02:30, which happens twice: the first (CEST).
        assertThat(sunday0230.slotOf(IsoWeek.parse("2026-W42"))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(sunday0230.dueAt(Instant.parse("2026-10-25T01:30:00Z"))).hasToString("2026-W42");
    }

    @Test
    void dueAt_hourByHourThroughAYear_stepsOneWeekAtATime_inDaylightSavingWeeksToo() {
        for (String form : new String[] {"MON 09:00", "SUN 02:30", "SUN 23:59", "MON 00:00"}) {
            DigestSchedule schedule = DigestSchedule.parse(form, BERLIN);
            IsoWeek previous = schedule.dueAt(Instant.parse("2026-01-01T00:00:00Z"));
            Set<IsoWeek> seen = new HashSet<>();
            seen.add(previous);
            for (Instant t = Instant.parse("2026-01-01T00:00:00Z"); t.isBefore(Instant.parse("2027-01-10T00:00:00Z"));
                 t = t.plus(Duration.ofMinutes(30))) {
                IsoWeek due = schedule.dueAt(t);
                if (!due.equals(previous)) {
                    assertThat(due).as(form + " at " + t).isEqualTo(previous.next());
                    assertThat(schedule.slotOf(due)).as(form).isAfter(t.minus(Duration.ofMinutes(30)))
                            .isBeforeOrEqualTo(t);
                    assertThat(seen.add(due)).isTrue();
                    previous = due;
                }
            }
            assertThat(seen).as(form).hasSize(54);
        }
    }
}
