package dev.mayday.digest;

/** A learning from a post-mortem closed this week, linked to its incident (text withheld for a private one). */
public record LearningLine(long incidentId, String incident, String text, String author) {
}
