package dev.mayday.rotation;

/** The two duties the rotation shares out, each with its own ledger. */
public enum DutyRole {
    /** Leads an incident; every member is in one pool. */
    LEAD,
    /** Pairs with the lead on SEV1/SEV2, from the other kind (a manager for an engineer lead and vice versa). */
    RESPONDER
}
