package dev.mayday.rotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Builds the {@link DutyStanding} of a roster at one moment. */
final class Standings {

    private Standings() {
    }

    static DutyStanding of(DutyRoster roster, Set<String> busy, Instant at) {
        List<Member> line = FairRule.lineUp(roster.available(at), DutyRole.LEAD, busy);
        List<DutyStanding.Row> rows = new ArrayList<>();
        for (Member member : roster.onRoster()) {
            int place = line.indexOf(member);
            rows.add(new DutyStanding.Row(member, awayUntil(roster.absences(), member.userId(), at),
                    nextAway(roster.absences(), member.userId(), at), place < 0 ? null : place + 1,
                    busy.contains(member.userId())));
        }
        double spread = roster.onRoster().stream().mapToDouble(m -> m.deficit(DutyRole.LEAD)).max().orElse(0)
                - roster.onRoster().stream().mapToDouble(m -> m.deficit(DutyRole.LEAD)).min().orElse(0);
        return new DutyStanding(at, rows, spread, share(roster, MemberKind.ENGINEER),
                share(roster, MemberKind.MANAGER));
    }

    /** The end of the absence under way at {@code at}, followed through absences that continue it; null if none. */
    static Instant awayUntil(List<Absence> absences, String userId, Instant at) {
        Instant until = null;
        Instant probe = at;
        boolean extended = true;
        while (extended) {
            extended = false;
            for (Absence absence : absences) {
                if (absence.userId().equals(userId) && absence.covers(probe)) {
                    until = absence.to();
                    probe = absence.to();
                    extended = true;
                }
            }
        }
        return until;
    }

    private static Absence nextAway(List<Absence> absences, String userId, Instant at) {
        Instant after = awayUntil(absences, userId, at);
        Instant from = after == null ? at : after;
        return absences.stream().filter(a -> a.userId().equals(userId) && a.from().isAfter(from))
                .min(Comparator.comparing(Absence::from)).orElse(null);
    }

    private static DutyStanding.KindShare share(DutyRoster roster, MemberKind kind) {
        List<Member> all = roster.onRoster();
        List<Member> ofKind = all.stream().filter(m -> m.kind() == kind).toList();
        int totalLeads = all.stream().mapToInt(m -> m.lead().turns()).sum();
        int leads = ofKind.stream().mapToInt(m -> m.lead().turns()).sum();
        return new DutyStanding.KindShare(kind, ofKind.size(), leads,
                all.isEmpty() ? 0 : (double) ofKind.size() / all.size(),
                totalLeads == 0 ? 0 : (double) leads / totalLeads);
    }
}
