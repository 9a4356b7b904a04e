package dev.mayday.digest;

import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;

import java.time.Duration;

/** An incident still being worked on, and for how long at the digest's time. */
public record OpenIncident(long id, String incident, Severity severity, Status status, String lead,
                           Duration openFor) {
}
