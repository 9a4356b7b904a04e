package dev.mayday.postmortem;

/**
 * A draft just generated and stored as {@code version}, with what a short chat summary needs: the key durations and
 * how many phrases the blameless review found (the findings themselves stay in the draft).
 */
public record GeneratedPostmortem(long incidentId, int version, String markdown, KeyDurations durations,
                                  int reviewFindings) {
}
