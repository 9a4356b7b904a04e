package dev.mayday.timeline;

/** What capturing one Slack delivery did to the timeline. */
public enum Captured {
    /** A row was added or changed. */
    STORED,
    /** The same delivery (event id) or the same message (channel and ts) was captured before: nothing changed. */
    ALREADY_SEEN,
    /** Understood, but there was nothing to change (the same text again, an older edit, someone else still pins it). */
    UNCHANGED,
    /** The channel is not an incident's: nothing is kept, not even the delivery's id. */
    NOT_AN_INCIDENT_CHANNEL,
    /** An app's message, or one without an author: not chatter, nothing is kept. */
    NOT_CHATTER
}
