package dev.mayday.incident;

/**
 * What the outbox holds for an incident: a fact that must reach the people involved. The store keeps the kind by
 * name; the adapter that delivers it decides what that means in its own medium.
 */
public enum Publication {
    /** A new incident: its place to work must be made and announced. */
    DECLARED,
    /** One committed change, carried with its timeline entry's kind, actor and text. */
    CHANGED,
    /** Generate the post-mortem draft and put it in the incident's channel (at close, or on request). */
    POSTMORTEM,
    /** Resolve the mirrored PagerDuty incident (the change was made in Slack). */
    PAGER_RESOLVE,
    /** Add a note to the mirrored PagerDuty incident; carries the note's text. */
    PAGER_NOTE,
    /** Invite the on-call responders of a PagerDuty escalation policy; carries the policy id. */
    PAGER_RESPONDERS;

    /** PagerDuty work has a lane of its own, so PagerDuty being down never holds up what Slack shows. */
    public boolean isPagerDuty() {
        return name().startsWith("PAGER_");
    }
}
