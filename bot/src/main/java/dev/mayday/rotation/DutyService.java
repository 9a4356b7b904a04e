package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.outbox.HomeRefresh;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes the duty roster: joining and leaving, time away, and the standing it shows. Each change reads the roster,
 * applies the rules, writes, and records who made it ({@link RosterChange}) in one transaction; a refused change
 * writes nothing. Who may change someone else's place is the {@link RosterGuard}'s call, made before the transaction.
 */
public final class DutyService {

    static final int MAX_ABSENCE_DAYS = 366;

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final RosterGuard guard;
    private final RosterListener listener;

    /** Everyone may change anyone's place, and nobody is told of a change: for reading and for tests of the rules. */
    public DutyService(Database database, Clock clock, ZoneId zone) {
        this(database, clock, zone, RosterGuard.open(), RosterListener.NONE);
    }

    public DutyService(Database database, Clock clock, ZoneId zone, RosterGuard guard, RosterListener listener) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.guard = guard;
        this.listener = listener;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code userId} joins by themselves. */
    public Member join(String userId, MemberKind kind) {
        return join(userId, userId, kind);
    }

    /** {@code actor} puts {@code userId} on the roster (themselves, or someone else when allowed). */
    public Member join(String actor, String userId, MemberKind kind) {
        guard.check(actor, userId, RosterGuard.Asked.ADD);
        Instant now = clock.instant();
        RosterChange change = new RosterChange.Joined(now, actor, userId, kind);
        Member joined = database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            Member member = roster.join(userId, kind, now);
            RosterRows.saveChanges(store.roster(), roster);
            RosterRows.record(store, change);
            return member;
        });
        listener.recorded(change);
        return joined;
    }

    /** {@code userId} leaves by themselves. */
    public Member leave(String userId) {
        return leave(userId, userId);
    }

    /**
     * {@code actor} takes {@code userId} off the roster; absences not over yet are dropped with it (a rejoin starts
     * level anyway).
     */
    public Member leave(String actor, String userId) {
        guard.check(actor, userId, RosterGuard.Asked.REMOVE);
        Instant now = clock.instant();
        RosterChange change = new RosterChange.Left(now, actor, userId);
        Member gone = database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            Member left = roster.leave(userId, now);
            store.roster().cutAbsencesShort(userId, now.toEpochMilli());
            store.roster().dropFutureAbsences(userId, now.toEpochMilli());
            RosterRows.saveChanges(store.roster(), roster);
            RosterRows.record(store, change);
            return left;
        });
        listener.recorded(change);
        return gone;
    }

    /** {@code userId} marks themselves away. */
    public Absence away(String userId, LocalDate from, LocalDate to) {
        return away(userId, userId, from, to);
    }

    /**
     * {@code actor} marks {@code userId} away from the start of {@code from} to the end of {@code to}, both days in
     * the team's time zone.
     */
    public Absence away(String actor, String userId, LocalDate from, LocalDate to) {
        guard.check(actor, userId, RosterGuard.Asked.AWAY);
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
        RosterChange change = new RosterChange.Away(now, actor, userId, from, to);
        database.inTransaction(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            roster.addAbsence(absence);
            store.roster().insertAbsence(userId, absence.from().toEpochMilli(), absence.to().toEpochMilli());
            RosterRows.record(store, change);
            // what their Home shows changes again by itself when the time away starts and when it ends
            if (absence.from().isAfter(now)) {
                HomeRefresh.at(userId, absence.from()).queue(store, now);
            }
            HomeRefresh.at(userId, absence.to()).queue(store, now);
            return absence;
        });
        listener.recorded(change);
        return absence;
    }

    /** {@code userId} marks themselves back. */
    public void back(String userId) {
        back(userId, userId);
    }

    /** {@code actor} ends {@code userId}'s absence under way and drops those planned; refused when there is neither. */
    public void back(String actor, String userId) {
        guard.check(actor, userId, RosterGuard.Asked.BACK);
        Instant now = clock.instant();
        RosterChange change = new RosterChange.Back(now, actor, userId);
        database.inTransaction(store -> {
            RosterRows.load(store.roster(), now).requireOnRoster(userId);
            int cut = store.roster().cutAbsencesShort(userId, now.toEpochMilli());
            int dropped = store.roster().dropFutureAbsences(userId, now.toEpochMilli());
            if (cut + dropped == 0) {
                throw new IncidentRuleViolation("<@" + userId + "> is not away, and no time away is planned for them.");
            }
            RosterRows.record(store, change);
            return cut + dropped;
        });
        listener.recorded(change);
    }

    /** The last {@code limit} roster changes, newest first. */
    public List<RosterChange> history(int limit) {
        return database.read(store -> store.roster().recentChanges(limit).stream().map(RosterRows::toChange).toList());
    }

    /** The roster change stored under {@code id}, if any. */
    public Optional<RosterChange> change(long id) {
        return database.read(store -> store.roster().change(id).map(RosterRows::toChange));
    }

    public DutyStanding standing() {
        Instant now = clock.instant();
        return database.read(store -> {
            DutyRoster roster = RosterRows.load(store.roster(), now);
            Set<String> busy = Set.copyOf(store.roster().openIncidentLeads(0));
            return Standings.of(roster, busy, now);
        });
    }
}
