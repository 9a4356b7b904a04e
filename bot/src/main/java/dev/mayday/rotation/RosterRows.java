package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.db.rotation.AbsenceRow;
import dev.mayday.db.rotation.MemberRow;
import dev.mayday.db.rotation.RosterChangeRow;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.outbox.HomeRefresh;
import dev.mayday.outbox.Publications;
import dev.mayday.outbox.RosterNotice;

import java.time.Instant;
import java.time.LocalDate;

/** Translates between the store's roster rows (strings, epoch millis) and the domain, and loads and saves a roster. */
final class RosterRows {

    private RosterRows() {
    }

    /** Every member (those who left included) and the absences not over at {@code at}. */
    static DutyRoster load(RosterDao dao, Instant at) {
        return new DutyRoster(dao.members().stream().map(RosterRows::toMember).toList(),
                dao.absencesEndingAfter(at.toEpochMilli()).stream().map(RosterRows::toAbsence).toList());
    }

    static void saveChanges(RosterDao dao, DutyRoster roster) {
        roster.changed().forEach(member -> dao.save(toRow(member)));
    }

    static Member toMember(MemberRow row) {
        return new Member(row.userId(), MemberKind.valueOf(row.kind()), Instant.ofEpochMilli(row.joinedAt()),
                row.leftAt() == null ? null : Instant.ofEpochMilli(row.leftAt()),
                new Ledger(row.leadShare(), row.leads(), row.lastLeadSeq()),
                new Ledger(row.responderShare(), row.responderTurns(), row.lastResponderSeq()));
    }

    static MemberRow toRow(Member member) {
        return new MemberRow(member.userId(), member.kind().name(), member.joinedAt().toEpochMilli(),
                member.leftAt() == null ? null : member.leftAt().toEpochMilli(),
                member.lead().share(), member.lead().turns(), member.lead().lastSeq(),
                member.responder().share(), member.responder().turns(), member.responder().lastSeq());
    }

    static Absence toAbsence(AbsenceRow row) {
        return new Absence(row.userId(), Instant.ofEpochMilli(row.startsAt()), Instant.ofEpochMilli(row.endsAt()));
    }

    /**
     * Records {@code change}; one made by someone else owes its target a direct message, queued with it, and the
     * target's App Home is refreshed.
     */
    static void record(Database.Store store, RosterChange change) {
        long at = change.at().toEpochMilli();
        String kind = null;
        String firstDay = null;
        String lastDay = null;
        if (change instanceof RosterChange.Joined joined) {
            kind = joined.kind().name();
        } else if (change instanceof RosterChange.Away away) {
            firstDay = away.firstDay().toString();
            lastDay = away.lastDay().toString();
        }
        long id = store.roster().recordChange(at, change.actor(), change.target(), action(change), kind, firstDay,
                lastDay);
        if (change.bySomeoneElse()) {
            Publications.enqueue(store, new RosterNotice(id, change.target()), change.at());
        }
        HomeRefresh.now(change.target()).queue(store, change.at());
    }

    private static String action(RosterChange change) {
        if (change instanceof RosterChange.Joined) {
            return "JOINED";
        }
        if (change instanceof RosterChange.Left) {
            return "LEFT";
        }
        return change instanceof RosterChange.Away ? "AWAY" : "BACK";
    }

    static RosterChange toChange(RosterChangeRow row) {
        Instant at = Instant.ofEpochMilli(row.changedAt());
        return switch (row.action()) {
            case "JOINED" -> new RosterChange.Joined(at, row.actor(), row.target(), MemberKind.valueOf(row.kind()));
            case "LEFT" -> new RosterChange.Left(at, row.actor(), row.target());
            case "AWAY" -> new RosterChange.Away(at, row.actor(), row.target(), LocalDate.parse(row.firstDay()),
                    LocalDate.parse(row.lastDay()));
            case "BACK" -> new RosterChange.Back(at, row.actor(), row.target());
            default -> throw new IllegalStateException("unknown roster change " + row.action() + " in row " + row.id());
        };
    }
}
