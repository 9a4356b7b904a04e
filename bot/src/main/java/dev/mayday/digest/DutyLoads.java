package dev.mayday.digest;

import dev.mayday.rotation.DutyRole;
import dev.mayday.rotation.MemberKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the duty ledger per person. A person "led" an incident when they held its lead at any point in the window (a
 * hand-off counts for both), and each incident counts once per person and role however often it changed hands.
 */
final class DutyLoads {

    private DutyLoads() {
    }

    static DutyLoad of(DigestFacts facts) {
        Instant weekStart = facts.week().start(facts.zone());
        Instant end = facts.week().end(facts.zone());
        Instant historyStart = facts.week().minusWeeks(facts.settings().historyWeeks() - 1L).start(facts.zone());
        Map<String, MemberKind> kinds = new HashMap<>(facts.roster());
        facts.assignments().stream().filter(a -> a.kind() != null).forEach(a -> kinds.putIfAbsent(a.userId(), a.kind()));
        Set<String> people = new TreeSet<>(facts.roster().keySet());
        List<DutyFact> history = facts.assignments().stream()
                .filter(a -> !a.assignedAt().isBefore(historyStart) && a.assignedAt().isBefore(end)).toList();
        List<DutyFact> week = history.stream().filter(a -> !a.assignedAt().isBefore(weekStart)).toList();
        history.forEach(a -> people.add(a.userId()));
        List<DutyLoad.Person> rows = new ArrayList<>();
        for (String user : people) {
            rows.add(new DutyLoad.Person(user, Optional.ofNullable(kinds.get(user)),
                    incidents(week, user, DutyRole.LEAD), incidents(week, user, DutyRole.RESPONDER),
                    incidents(history, user, DutyRole.LEAD), incidents(history, user, DutyRole.RESPONDER)));
        }
        rows.sort(Comparator.comparingInt(DutyLoad.Person::ledInHistory).reversed()
                .thenComparing(DutyLoad.Person::userId));
        int most = rows.stream().mapToInt(DutyLoad.Person::ledInHistory).max().orElse(0);
        int fewest = rows.stream().mapToInt(DutyLoad.Person::ledInHistory).min().orElse(0);
        return new DutyLoad(rows, share(MemberKind.ENGINEER, facts.roster(), kinds, week, history),
                share(MemberKind.MANAGER, facts.roster(), kinds, week, history), most - fewest,
                facts.settings().historyWeeks());
    }

    private static int incidents(List<DutyFact> ledger, String user, DutyRole role) {
        Set<Long> ids = new HashSet<>();
        ledger.stream().filter(a -> a.userId().equals(user) && a.role() == role).forEach(a -> ids.add(a.incidentId()));
        return ids.size();
    }

    private static DutyLoad.KindShare share(MemberKind kind, Map<String, MemberKind> roster,
                                            Map<String, MemberKind> kinds, List<DutyFact> week,
                                            List<DutyFact> history) {
        int members = (int) roster.values().stream().filter(k -> k == kind).count();
        int weekLeads = leads(week, kinds, kind);
        int historyLeads = leads(history, kinds, kind);
        int allWeek = leads(week, kinds, null);
        int allHistory = leads(history, kinds, null);
        return new DutyLoad.KindShare(kind, members, roster.isEmpty() ? 0 : (double) members / roster.size(),
                weekLeads, allWeek == 0 ? 0 : (double) weekLeads / allWeek,
                historyLeads, allHistory == 0 ? 0 : (double) historyLeads / allHistory);
    }

    /** Distinct (incident, lead) pairs, of one kind or ({@code kind} null) of everyone. */
    private static int leads(List<DutyFact> ledger, Map<String, MemberKind> kinds, MemberKind kind) {
        Set<String> pairs = new HashSet<>();
        ledger.stream().filter(a -> a.role() == DutyRole.LEAD)
                .filter(a -> kind == null || kinds.get(a.userId()) == kind)
                .forEach(a -> pairs.add(a.incidentId() + "/" + a.userId()));
        return pairs.size();
    }
}
