package dev.mayday.postmortem;

import java.time.Instant;

/** Someone leading the incident from {@code from} until {@code until} (null while they still lead). */
record LeadTerm(String lead, Instant from, Instant until) {
}
