package dev.mayday.db.timeline;

/** An app's message in an incident channel, as it last read. */
public record AppMessageRow(String author, String text) {
}
