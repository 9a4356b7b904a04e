package dev.mayday.db.premortem;

/** A stored version of a pre-mortem's Markdown summary, with the file it was uploaded as (once uploaded). */
public record PremortemSummaryRow(long premortemId, int version, String markdown, long createdAt, String fileId) {
}
