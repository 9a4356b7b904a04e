package dev.mayday.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident as the domain sees it: what it is, where it stands, who works it ({@link IncidentPeople}), when it
 * reached each point ({@link IncidentTimes}) and where it lives in the chat ({@link IncidentPlace}). The withers
 * name the change they make; {@link IncidentService} holds the rules for when each is allowed. A practice incident
 * ({@code isPractice}, a drill) is a full incident that is announced as practice, pages nobody and stays out of the
 * digest's incident counts.
 */
public record Incident(
        long id,
        String title,
        String summary,
        Severity severity,
        Status status,
        boolean isPrivate,
        boolean isPractice,
        IncidentPeople people,
        IncidentTimes times,
        String resolution,
        IncidentPlace place) {

    public Incident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(place, "place");
    }

    public String lead() {
        return people.lead();
    }

    public Optional<String> channel() {
        return place.channel();
    }

    public Incident withSeverity(Severity newSeverity) {
        return with(newSeverity, status, people, times, resolution);
    }

    /** Moved among the active statuses (a reopen included): the resolution time no longer holds. */
    public Incident movedTo(Status active) {
        if (!active.isActive()) {
            throw new IllegalArgumentException("resolve or close to leave the active statuses, not " + active);
        }
        return with(severity, active, people, times.reopened(), resolution);
    }

    public Incident resolved(Instant at, String newResolution) {
        return with(severity, Status.RESOLVED, people, times.resolved(at), newResolution);
    }

    public Incident closed(Instant at) {
        return with(severity, Status.CLOSED, people, times.closed(at), resolution);
    }

    public Incident acknowledged(Instant at) {
        return with(severity, status, people, times.acknowledged(at), resolution);
    }

    /** The lead and paired responder the rotation chose, and why. */
    public Incident assigned(String newLead, String newResponder, String newLeadReason) {
        return withPeople(people.assigned(newLead, newResponder, newLeadReason));
    }

    /** The lead handed over to {@code newLead}. */
    public Incident handedTo(String newLead) {
        return withPeople(people.handedTo(newLead));
    }

    private Incident withPeople(IncidentPeople newPeople) {
        return with(severity, status, newPeople, times, resolution);
    }

    /** This incident with the parts a change moves; what it is (title, privacy, practice, place) stays. */
    private Incident with(Severity newSeverity, Status newStatus, IncidentPeople newPeople, IncidentTimes newTimes,
                          String newResolution) {
        return new Incident(id, title, summary, newSeverity, newStatus, isPrivate, isPractice, newPeople, newTimes,
                newResolution, place);
    }
}
