package dev.mayday.incident;

/**
 * Told after the store has committed a declaration or a change (never inside a transaction). What must be
 * published is already in the outbox; this is the nudge to deliver it now rather than at the next poll.
 * It must not block the caller.
 */
public interface IncidentNotifier {

    void declared(Incident incident);

    void changed(IncidentChange change);

    /** Something else was queued for the incident (a post-mortem draft); by default the next poll picks it up. */
    default void queued(long incidentId) {
    }

    /** Wakes whatever delivers the outbox (its wake must not block) after each commit. */
    static IncidentNotifier waking(Runnable wake) {
        return new IncidentNotifier() {
            @Override
            public void declared(Incident incident) {
                wake.run();
            }

            @Override
            public void changed(IncidentChange change) {
                wake.run();
            }

            @Override
            public void queued(long incidentId) {
                wake.run();
            }
        };
    }
}
