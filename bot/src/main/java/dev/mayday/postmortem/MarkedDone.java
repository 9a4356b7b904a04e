package dev.mayday.postmortem;

/** The item after marking it done; {@code newlyDone} is false when it was done before (a second click, a retry). */
public record MarkedDone(ActionItem item, boolean newlyDone) {
}
