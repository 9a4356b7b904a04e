package dev.mayday.sandbox.pagerduty;

import java.time.Instant;

/** A note the fake stored; {@code from} is the {@code From} header it arrived with (null when absent). */
public record PdNote(String id, String incidentId, String content, String from, Instant createdAt) {}
