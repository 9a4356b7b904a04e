package dev.mayday.db.incident;

/** One row of {@code channel_names}: who asked Slack for the name, with which privacy, and whether it was taken. */
public record ChannelNameRow(String name, long incidentId, boolean isPrivate, boolean takenElsewhere) {
}
