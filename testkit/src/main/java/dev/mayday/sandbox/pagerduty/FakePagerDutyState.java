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
    private int lastNumber;
    private int lastNote;
    private int maxPageSize = 100;

    synchronized void record(PdCall call) {
        calls.add(call);
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
