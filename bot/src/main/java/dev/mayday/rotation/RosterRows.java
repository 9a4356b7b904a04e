package dev.mayday.rotation;

import dev.mayday.db.rotation.AbsenceRow;
import dev.mayday.db.rotation.MemberRow;
import dev.mayday.db.rotation.RosterDao;

import java.time.Instant;

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
}
