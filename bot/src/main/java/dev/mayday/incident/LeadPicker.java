package dev.mayday.incident;

import dev.mayday.db.Database;

import java.time.Instant;

/**
 * Chooses who leads a new incident and, for the worst ones, who responds beside them. It is called inside the
 * declaration's transaction with that transaction's store, so the incident and the choice are committed together:
 * two declarations at the same moment are serialised by the store and cannot get the same lead through a race, and
 * a crash cannot leave an incident without a lead.
 */
public interface LeadPicker {

    /** Picks the people for incident {@code incidentId}, just stored (led by its declarer until this returns). */
    Assignment pick(Database.Store store, long incidentId, Instant at, Severity severity, String declarer);

    /** Told, inside the hand-off's transaction, that the lead of an incident moved from {@code from} to {@code to}. */
    void handedOff(Database.Store store, long incidentId, String from, String to, Instant at);

    /** No rotation: whoever declares leads, and nobody is paired with them. */
    static LeadPicker declarerLeads() {
        return new LeadPicker() {
            @Override
            public Assignment pick(Database.Store store, long incidentId, Instant at, Severity severity,
                                   String declarer) {
                return Assignment.declarer(declarer);
            }

            @Override
            public void handedOff(Database.Store store, long incidentId, String from, String to, Instant at) {
                // nothing is counted, so nothing moves
            }
        };
    }
}
