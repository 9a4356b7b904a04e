package dev.mayday.outbox;

import dev.mayday.db.outbox.OutboxRow;

/** Carries outbox rows to one outside service. */
public interface Delivery {

    /** Delivers the row; throws a {@link DeliveryError} exception when the service refused or did not answer. */
    void deliver(OutboxRow row);

    /** Told after a failure, so the people involved can hear of it; {@code willRetry} says whether it goes on. */
    void failed(OutboxRow row, DeliveryError failure, boolean willRetry);
}
