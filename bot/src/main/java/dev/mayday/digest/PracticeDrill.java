package dev.mayday.digest;

import dev.mayday.incident.Severity;

import java.time.Duration;
import java.util.Optional;

/**
 * A practice incident (a drill) of the week, as the digest lists it apart from incidents: its label, severity, lead
 * and how long it took to resolve ({@code toResolve} null while it is not resolved).
 */
public record PracticeDrill(long id, String incident, Severity severity, String lead, Duration toResolve) {

    static PracticeDrill of(IncidentFact drill) {
        return new PracticeDrill(drill.id(), drill.label(), drill.severity(), drill.lead(),
                drill.toResolve().orElse(null));
    }

    public Optional<Duration> resolvedIn() {
        return Optional.ofNullable(toResolve);
    }
}
