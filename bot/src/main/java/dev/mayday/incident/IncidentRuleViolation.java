package dev.mayday.incident;

/** A request the incident rules refuse; the message is written for the person who asked. */
public final class IncidentRuleViolation extends RuntimeException {

    public IncidentRuleViolation(String message) {
        super(message);
    }
}
