package dev.mayday.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A made-up team for the rotation simulation, all drawn from one seed: members (a third of them managers), each
 * away about 10% of the time in blocks of 2–10 days, and incidents at random times lasting 30 minutes to 6 hours.
 */
record SimulatedTeam(List<Member> members, List<Absence> absences, List<SimulatedIncident> incidents, int days) {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    record SimulatedIncident(Instant at, Instant resolvedAt) {
    }

    static SimulatedTeam draw(int size, int incidentCount, long seed) {
        if (size < 1 || incidentCount < 0) {
            throw new IllegalArgumentException("a simulation needs at least 1 member and 0 or more incidents");
        }
        Random random = new Random(seed);
        int days = Math.max(28, (int) Math.round(incidentCount * 0.365));
        int managers = size < 2 ? 0 : Math.max(1, size / 3);
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= size - managers; i++) {
            members.add(member(String.format("eng%02d", i), MemberKind.ENGINEER));
        }
        for (int i = 1; i <= managers; i++) {
            members.add(member(String.format("mgr%02d", i), MemberKind.MANAGER));
        }
        List<Absence> absences = new ArrayList<>();
        for (Member member : members) {
            double day = random.nextDouble() * 60;
            while (day < days) {
                double length = 2 + random.nextInt(9);
                absences.add(new Absence(member.userId(), at(day), at(day + length)));
                day += length + 20 + random.nextDouble() * 68;
            }
        }
        List<SimulatedIncident> incidents = new ArrayList<>();
        for (int i = 0; i < incidentCount; i++) {
            Instant at = at(random.nextDouble() * days);
            incidents.add(new SimulatedIncident(at, at.plus(Duration.ofMinutes(30 + random.nextInt(331)))));
        }
        incidents.sort(Comparator.comparing(SimulatedIncident::at));
        return new SimulatedTeam(List.copyOf(members), List.copyOf(absences), List.copyOf(incidents), days);
    }

    boolean isAway(String userId, Instant at) {
        return absences.stream().anyMatch(a -> a.userId().equals(userId) && a.covers(at));
    }

    List<String> available(Instant at) {
        return members.stream().map(Member::userId).filter(id -> !isAway(id, at)).toList();
    }

    /** The share of the simulated time {@code userId} spends away (0–1). */
    double awayShare(String userId) {
        Instant end = at(days);
        long away = absences.stream().filter(a -> a.userId().equals(userId))
                .mapToLong(a -> Duration.between(a.from(), a.to().isAfter(end) ? end : a.to()).toMinutes()).sum();
        return away / (double) Duration.ofDays(days).toMinutes();
    }

    private static Member member(String id, MemberKind kind) {
        return new Member(id, kind, START, null, Ledger.EMPTY, Ledger.EMPTY);
    }

    private static Instant at(double day) {
        return START.plusSeconds(Math.round(day * 86_400));
    }
}
