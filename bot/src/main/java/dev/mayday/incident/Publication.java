package dev.mayday.incident;

/**
 * What the outbox holds for an incident: a fact that must reach the people involved. The store keeps the kind by
 * name; the adapter that delivers it decides what that means in its own medium.
 */
public enum Publication {
    /** A new incident: its place to work must be made and announced. */
    DECLARED,
    /** One committed change, carried with its timeline entry's kind, actor and text. */
    CHANGED
}
