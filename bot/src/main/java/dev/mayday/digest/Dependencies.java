package dev.mayday.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds single points of failure over the last {@code dependencyWeeks} weeks: a person involved (lead or responder, at
 * any point) in more than the configured share of at least the minimum number of incidents, and a PagerDuty service
 * whose incidents (two or more) only one person has touched.
 */
final class Dependencies {

    private Dependencies() {
    }

    static List<Dependency> of(DigestFacts facts) {
        int weeks = facts.settings().dependencyWeeks();
        List<IncidentFact> window = facts.declaredIn(facts.week().minusWeeks(weeks - 1L), facts.week());
        Map<Long, Set<String>> people = new HashMap<>();
        for (IncidentFact incident : window) {
            Set<String> involved = new LinkedHashSet<>();
            involved.add(incident.lead());
            if (incident.responder() != null) {
                involved.add(incident.responder());
            }
            facts.assignments().stream().filter(a -> a.incidentId() == incident.id())
                    .forEach(a -> involved.add(a.userId()));
            people.put(incident.id(), involved);
        }
        List<Dependency> found = new ArrayList<>();
        if (window.size() >= facts.settings().dependencyMinIncidents()) {
            Map<String, Integer> counts = new TreeMap<>();
            people.values().forEach(set -> set.forEach(user -> counts.merge(user, 1, Integer::sum)));
            counts.forEach((user, n) -> {
                if ((double) n / window.size() > facts.settings().dependencyShare()) {
                    found.add(new Dependency(user, Optional.empty(), n, window.size(), weeks));
                }
            });
            found.sort(Comparator.comparingInt(Dependency::involved).reversed().thenComparing(Dependency::userId));
        }
        Map<String, List<IncidentFact>> byService = new TreeMap<>();
        window.forEach(i -> i.pagerDutyService()
                .ifPresent(s -> byService.computeIfAbsent(s, k -> new ArrayList<>()).add(i)));
        byService.forEach((service, incidents) -> {
            Set<String> touched = new LinkedHashSet<>();
            incidents.forEach(i -> touched.addAll(people.get(i.id())));
            if (incidents.size() >= 2 && touched.size() == 1) {
                found.add(new Dependency(touched.iterator().next(), Optional.of(service), incidents.size(),
                        incidents.size(), weeks));
            }
        });
        return found;
    }
}
