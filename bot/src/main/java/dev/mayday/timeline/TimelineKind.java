package dev.mayday.timeline;

public enum TimelineKind {
    DECLARED,
    SEVERITY_CHANGED,
    STATUS_CHANGED,
    LEAD_CHANGED,
    UPDATE_POSTED,
    NOTE_ADDED,
    RESOLVED,
    CLOSED,
    PINNED,
    /** Something that happened in PagerDuty (acknowledged, reassigned, escalated…), as PagerDuty reported it. */
    PAGERDUTY,
    /** What someone said in the incident channel: chatter, never a key event by itself. */
    MESSAGE
}
