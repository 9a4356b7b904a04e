package dev.mayday.db.people;

/** A person as Slack's users.info described them when Mayday last asked; {@code email} is null when hidden. */
public record PersonRow(String userId, String displayName, String email, long fetchedAt) {
}
