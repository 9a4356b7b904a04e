package dev.mayday.outbox;

/** A failed delivery to an outside service, as the outbox needs to see it: retry later, or give up now. */
public interface DeliveryError {

    boolean isTransient();

    /** A short code for the log and the outbox row (never a token or a request body). */
    String reason();

    /**
     * Retried, but minutes apart rather than seconds: the service refused for a reason a person has to fix (a workspace
     * policy, a missing scope), so trying every few seconds would only spend its rate limit.
     */
    default boolean retrySlowly() {
        return false;
    }
}
