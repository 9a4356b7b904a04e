package dev.mayday.sandbox.pagerduty;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake account and everything it received; every method is atomic, as server threads share it. */
final class FakePagerDutyState {

    enum StatusChange { CHANGED, NOT_FOUND, ALREADY_RESOLVED, ALREADY_ACKNOWLEDGED, INVALID_STATUS }

    private final Map<String, PdIncident> incidents = new LinkedHashMap<>();
    private final Map<String, PdUser> users = new LinkedHashMap<>();
    private final Map<String, List<PdOnCall>> onCalls = new LinkedHashMap<>();
    private final List<PdNote> notes = new ArrayList<>();
    private final List<PdCall> calls = new ArrayList<>();
    private final Map<PdRoute, Deque<PdAnswer>> scripted = new EnumMap<>(PdRoute.class);
    private final Map<String, PdService> services = new LinkedHashMap<>();
    private final List<String> priorities = new ArrayList<>(List.of("P1", "P2", "P3", "P4", "P5"));
    private int lastNumber;
    private int lastNote;
    private int maxPageSize = 100;

    synchronized void record(PdCall call) {
        calls.add(call);
    }

    synchronized PdService putService(PdService service) {
        services.put(service.id(), service);
        return service;
    }

    synchronized Optional<PdService> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** Services whose name contains {@code query}, ignoring case, as {@code GET /services?query=} filters. */
    synchronized List<PdService> services(String query) {
        String q = query == null ? "" : query.toLowerCase(java.util.Locale.ROOT);
        return services.values().stream().filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).contains(q)).toList();
    }

    /** Users whose name or email contains {@code query}, ignoring case, as {@code GET /users?query=} filters. */
    synchronized List<PdUser> users(String query) {
        String q = query == null ? "" : query.toLowerCase(java.util.Locale.ROOT);
        return users.values().stream().filter(u -> u.name().toLowerCase(java.util.Locale.ROOT).contains(q)
                || u.email().toLowerCase(java.util.Locale.ROOT).contains(q)).toList();
    }

    synchronized List<String> priorities() {
        return List.copyOf(priorities);
    }

    synchronized List<PdIncident> incidents() {
        return List.copyOf(incidents.values());
    }

    /**
     * PagerDuty's rule for {@code POST /incidents}: a request naming a service and an incident_key that an open
     * (unresolved) incident of that service already has is rejected; otherwise the incident is stored.
     */
    synchronized Optional<PdIncident> createUnlessOpen(PdIncident incident) {
        boolean open = incidents.values().stream().anyMatch(i -> i.serviceId().equals(incident.serviceId())
                && i.incidentKey().equals(incident.incidentKey()) && !"resolved".equals(i.status()));
        if (open) {
            return Optional.empty();
        }
        return Optional.of(putIncident(incident));
    }

    synchronized PdAnswer nextScripted(PdRoute route) {
        Deque<PdAnswer> queue = scripted.get(route);
        return queue == null ? null : queue.pollFirst();
    }

    synchronized void enqueue(PdRoute route, PdAnswer answer) {
        scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(answer);
    }

    synchronized List<PdCall> calls() {
        return List.copyOf(calls);
    }

    synchronized List<PdCall> calls(PdRoute route) {
        return calls.stream().filter(c -> c.route() == route).toList();
    }

    synchronized PdUser putUser(PdUser user) {
        users.put(user.id(), user);
        return user;
    }

    synchronized Optional<PdUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized int nextNumber() {
        return ++lastNumber;
    }

    synchronized PdIncident putIncident(PdIncident incident) {
        lastNumber = Math.max(lastNumber, incident.number());
        incidents.put(incident.id(), incident);
        return incident;
    }

    synchronized Optional<PdIncident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    /** PagerDuty's rules: nothing moves back from resolved (1001), acknowledging twice is 1002. */
    synchronized StatusChange changeStatus(String id, String target) {
        PdIncident incident = incidents.get(id);
        if (incident == null) {
            return StatusChange.NOT_FOUND;
        }
        if (!"acknowledged".equals(target) && !"resolved".equals(target)) {
            return StatusChange.INVALID_STATUS;
        }
        if ("resolved".equals(incident.status())) {
            return StatusChange.ALREADY_RESOLVED;
        }
        if ("acknowledged".equals(target) && "acknowledged".equals(incident.status())) {
            return StatusChange.ALREADY_ACKNOWLEDGED;
        }
        incidents.put(id, incident.withStatus(target));
        return StatusChange.CHANGED;
    }

    synchronized PdNote addNote(String incidentId, String content, String from, Instant at) {
        PdNote note = new PdNote(String.format("PNOTE%04d", ++lastNote), incidentId, content, from, at);
        notes.add(note);
        return note;
    }

    synchronized List<PdNote> notes(String incidentId) {
        return notes.stream().filter(n -> n.incidentId().equals(incidentId)).toList();
    }

    synchronized void setOnCalls(String escalationPolicyId, List<PdOnCall> entries) {
        onCalls.put(escalationPolicyId, List.copyOf(entries));
    }

    /** Entries of the given policies (all policies when none are given), in a stable order. */
    synchronized List<Map.Entry<String, PdOnCall>> onCalls(List<String> escalationPolicyIds) {
        List<Map.Entry<String, PdOnCall>> result = new ArrayList<>();
        onCalls.forEach((policy, entries) -> {
            if (escalationPolicyIds.isEmpty() || escalationPolicyIds.contains(policy)) {
                entries.forEach(e -> result.add(Map.entry(policy, e)));
            }
        });
        return result;
    }

    synchronized int maxPageSize() {
        return maxPageSize;
    }

    synchronized void maxPageSize(int size) {
        maxPageSize = size;
    }
}
