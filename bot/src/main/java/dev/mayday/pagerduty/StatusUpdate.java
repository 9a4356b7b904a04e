package dev.mayday.pagerduty;

/**
 * What a status update achieved. PagerDuty answers an update that is already in effect with error 1001 or 1002;
 * for Mayday that is success too: the incident is where we wanted it (or further along).
 */
public enum StatusUpdate {
    CHANGED,
    /** PagerDuty error 1001: the incident was already resolved. */
    ALREADY_RESOLVED,
    /** PagerDuty error 1002: the incident was already acknowledged. */
    ALREADY_ACKNOWLEDGED
}
