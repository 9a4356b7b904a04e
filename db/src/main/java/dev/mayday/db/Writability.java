package dev.mayday.db;

import java.util.Objects;

/** What a write probe found: the store takes writes, is busy with others' writes, or cannot take one. */
public record Writability(State state, String reason) {

    public enum State { WRITABLE, BUSY, NOT_WRITABLE }

    public Writability {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    public static Writability writable() {
        return new Writability(State.WRITABLE, "");
    }

    public static Writability busy(String reason) {
        return new Writability(State.BUSY, reason);
    }

    public static Writability notWritable(String reason) {
        return new Writability(State.NOT_WRITABLE, reason);
    }
}
