package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentRuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Function;

/**
 * Changes the duty roster: joining and leaving, time away, and the standing it shows. Each change reads the roster,
 * applies the rules and writes in one transaction; a refused change writes nothing.
 */
public final class DutyService {

    static final int MAX_ABSENCE_DAYS = 366;

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;

    public DutyService(Database database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Member join(String userId, MemberKind kind) {
        return change(roster -> roster.join(userId, kind, clock.instant()));
    }

    /** Leaves the roster; absences not over yet are dropped with it (a rejoin starts level anyway). */
    public Member leave(String userId) {
        Instant now = clock.instant();
        return database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            Member left = roster.leave(userId, now);
            store.roster().cutAbsencesShort(userId, now.toEpochMilli());
            store.roster().dropFutureAbsences(userId, now.toEpochMilli());
            RosterRows.saveChanges(store.roster(), roster);
            return left;
        });
    }

    /** Away from the start of {@code from} to the end of {@code to}, both days in the team's time zone. */
    public Absence away(String userId, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        if (from.isAfter(to)) {
            throw new IncidentRuleViolation("That absence ends (" + to + ") before it starts (" + from
                    + "): give the first day, then the last, e.g. `/incident duty away me 2026-12-01 2026-12-05`.");
        }
        if (to.isBefore(now.atZone(zone).toLocalDate())) {
            throw new IncidentRuleViolation("That absence ended on " + to
                    + ", before today: there is nothing to skip.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_ABSENCE_DAYS) {
            throw new IncidentRuleViolation("That is more than a year away. For longer, `/incident duty remove` them "
                    + "and `add` them again when they are back.");
        }
        Absence absence = new Absence(userId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        return database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            roster.addAbsence(absence);
            store.roster().insertAbsence(userId, absence.from().toEpochMilli(), absence.to().toEpochMilli());
            return absence;
        });
    }

    /** Ends the absence under way and drops those planned; refused when there is neither. */
    public void back(String userId) {
        Instant now = clock.instant();
        database.inTransaction(store -> {
            RosterRows.load(store.roster(), now).requireOnRoster(userId);
            int cut = store.roster().cutAbsencesShort(userId, now.toEpochMilli());
            int dropped = store.roster().dropFutureAbsences(userId, now.toEpochMilli());
            if (cut + dropped == 0) {
                throw new IncidentRuleViolation("<@" + userId + "> is not away, and no time away is planned for them.");
            }
            return cut + dropped;
        });
    }

    public DutyStanding standing() {
        Instant now = clock.instant();
        return database.read(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            Set<String> busy = Set.copyOf(store.roster().openIncidentLeads(0));
            return Standings.of(roster, busy, now);
        });
    }

    private <T> T change(Function<DutyRoster, T> rule) {
        Instant now = clock.instant();
        return database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            T result = rule.apply(roster);
            RosterRows.saveChanges(store.roster(), roster);
            return result;
        });
    }
}
