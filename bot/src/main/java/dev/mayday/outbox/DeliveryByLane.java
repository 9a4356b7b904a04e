package dev.mayday.outbox;

import dev.mayday.db.outbox.OutboxRow;
import dev.mayday.incident.Publication;

/** Sends PagerDuty rows to the PagerDuty delivery and everything else to Slack's. */
public final class DeliveryByLane implements Delivery {

    private final Delivery slack;
    private final Delivery pagerDuty;

    public DeliveryByLane(Delivery slack, Delivery pagerDuty) {
        this.slack = slack;
        this.pagerDuty = pagerDuty;
    }

    @Override
    public void deliver(OutboxRow row) {
        laneOf(row).deliver(row);
    }

    @Override
    public void failed(OutboxRow row, DeliveryError failure, boolean willRetry) {
        laneOf(row).failed(row, failure, willRetry);
    }

    private Delivery laneOf(OutboxRow row) {
        return Publication.valueOf(row.kind()).isPagerDuty() ? pagerDuty : slack;
    }
}
