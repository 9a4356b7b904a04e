package dev.mayday.outbox;

/**
 * A publication that no longer applies by the time it is delivered (the lead an offer was for has changed): nothing is
 * done, and the row is recorded as FAILED with the reason rather than retried.
 */
public final class Withdrawn extends RuntimeException implements DeliveryError {

    private final String reason;

    public Withdrawn(String reason) {
        super(reason);
        this.reason = reason;
    }

    @Override
    public boolean isTransient() {
        return false;
    }

    @Override
    public String reason() {
        return reason;
    }
}
