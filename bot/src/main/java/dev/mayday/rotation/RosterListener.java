package dev.mayday.rotation;

/** Told after a roster change has committed, so that what it owes (a direct message) goes out soon. */
@FunctionalInterface
public interface RosterListener {

    void recorded(RosterChange change);

    RosterListener NONE = change -> { };
}
