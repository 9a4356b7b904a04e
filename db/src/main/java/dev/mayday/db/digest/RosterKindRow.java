package dev.mayday.db.digest;

/** A member on the duty roster now and their kind (ENGINEER or MANAGER). */
public record RosterKindRow(String userId, String kind) {
}
