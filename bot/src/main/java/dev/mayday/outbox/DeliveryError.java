package dev.mayday.outbox;

/** A failed delivery to an outside service, as the outbox needs to see it: retry later, or give up now. */
public interface DeliveryError {

    boolean isTransient();

    /** A short code for the log and the outbox row (never a token or a request body). */
    String reason();
}
