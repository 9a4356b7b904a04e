package dev.mayday.incident;

/**
 * The port through which committed incident facts reach the people involved (Slack, in production). It is
 * called after the store has committed, never inside a transaction, and must not block the caller.
 */
public interface IncidentNotifier {

    void declared(Incident incident);

    void changed(IncidentChange change);
}
