package dev.mayday.slack.delivery;

import dev.mayday.outbox.DeliveryError;

/**
 * Slack refused an incident's channel for a reason that waiting seconds will not cure (a workspace policy, a missing
 * scope, every name tried this time taken). An incident without a channel is of no use to anyone, so the set-up is not
 * given up: the outbox asks again minutes apart, and the people concerned are told once.
 */
public final class ChannelSetUpStalled extends RuntimeException implements DeliveryError {

    private final String reason;

    public ChannelSetUpStalled(String reason, Throwable cause) {
        super("incident channel not made: " + reason, cause);
        this.reason = reason;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    @Override
    public boolean retrySlowly() {
        return true;
    }

    @Override
    public String reason() {
        return reason;
    }
}
