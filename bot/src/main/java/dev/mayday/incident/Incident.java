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
        return new Incident(id, title, summary, newSeverity, status, isPrivate, isPractice, people, times, resolution, place);
    }

    /** Moved among the active statuses (a reopen included): the resolution time no longer holds. */
    public Incident movedTo(Status active) {
        if (!active.isActive()) {
            throw new IllegalArgumentException("resolve or close to leave the active statuses, not " + active);
        }
        return new Incident(id, title, summary, severity, active, isPrivate, isPractice, people, times.reopened(), resolution,
                place);
    }

    public Incident resolved(Instant at, String newResolution) {
        return new Incident(id, title, summary, severity, Status.RESOLVED, isPrivate, isPractice, people, times.resolved(at),
                newResolution, place);
    }

    public Incident closed(Instant at) {
        return new Incident(id, title, summary, severity, Status.CLOSED, isPrivate, isPractice, people, times.closed(at),
                resolution, place);
    }

    public Incident acknowledged(Instant at) {
        return new Incident(id, title, summary, severity, status, isPrivate, isPractice, people, times.acknowledged(at),
                resolution, place);
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
        return new Incident(id, title, summary, severity, status, isPrivate, isPractice, newPeople, times, resolution, place);
    }
}
