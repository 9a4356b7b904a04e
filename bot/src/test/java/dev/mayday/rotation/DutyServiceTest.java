package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster's bookkeeping over a real SQLite file. */
class DutyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(NOW);
    private DutyService duty;

    @BeforeEach
    void open() {
        duty = new DutyService(Database.open("jdbc:sqlite:" + dir.resolve("mayday.db")), clock, ZoneId.of("UTC"));
    }

    @Test
    void backToBackAbsences_showAsOneStretch_andTheNextOneAhead() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.away("U0ANA", LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-22"));
        duty.away("U0ANA", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));
        duty.away("U0ANA", LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-11"));

        DutyStanding.Row row = duty.standing().row("U0ANA").orElseThrow();

        assertThat(row.awayUntil()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(row.nextAway().from()).isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(row.placeInLine()).isNull();
    }

    @Test
    void leaving_dropsAbsencesAhead_andRejoiningStartsLevel() {
        duty.join("U0ANA", MemberKind.ENGINEER);
        duty.away("U0ANA", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-05"));
        duty.leave("U0ANA");
        clock.advance(Duration.ofDays(1));

        Member back = duty.join("U0ANA", MemberKind.MANAGER);

        assertThat(back.kind()).isEqualTo(MemberKind.MANAGER);
        assertThat(back.deficit(DutyRole.LEAD)).isZero();
        assertThat(duty.standing().row("U0ANA").orElseThrow().nextAway()).isNull();
    }
}
