package dev.mayday.pagerduty;

/** A webhook body Mayday cannot read; {@link #reason()} is fit to send back to the caller with a 400. */
public final class MalformedWebhook extends RuntimeException {

    private final String reason;

    public MalformedWebhook(String reason) {
        this(reason, null);
    }

    public MalformedWebhook(String reason, Throwable cause) {
        super("malformed PagerDuty webhook: " + reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
