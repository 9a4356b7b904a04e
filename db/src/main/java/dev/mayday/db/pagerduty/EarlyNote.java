package dev.mayday.db.pagerduty;

/** A PagerDuty note that arrived before its incident was declared; {@code author} may be null. */
public record EarlyNote(String author, String note) {
}
