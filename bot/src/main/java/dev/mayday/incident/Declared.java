package dev.mayday.incident;

/** The outcome of a declaration: {@code isNew} is false when the same request had declared it before. */
public record Declared(Incident incident, boolean isNew) {
}
