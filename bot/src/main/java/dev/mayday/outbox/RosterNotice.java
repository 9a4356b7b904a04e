package dev.mayday.outbox;

/**
 * The direct message owed to {@code target} because somebody else changed their place on the duty roster (the change
 * {@code changeId} of {@code duty_roster_changes}). One person's messages keep the order of the changes.
 */
public record RosterNotice(long changeId, String target) implements Publication {

    @Override
    public Lane lane() {
        return new Lane("slack/dm/" + target);
    }
}
