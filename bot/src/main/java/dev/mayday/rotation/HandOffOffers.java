package dev.mayday.rotation;

import dev.mayday.timers.EveryMinute;

import java.time.Clock;

/**
 * Once a minute (by the injected clock, looked at every second so a test can move time), offers long-serving leads a
 * hand-off, at most {@link #OFFERS_PER_CHECK} a check. It only records the offers and queues their posts; the outbox
 * posts them ({@link HandOffOfferDelivery}) and {@code wake} tells it there is something to post.
 */
public final class HandOffOffers implements AutoCloseable {

    static final int OFFERS_PER_CHECK = 20;

    private final EveryMinute timer;

    public HandOffOffers(HandOffs handOffs, Runnable wake, Clock clock) {
        this.timer = new EveryMinute("mayday-handoff-offers", "Checking for lead hand-offs", clock,
                () -> !handOffs.offerDue(OFFERS_PER_CHECK).isEmpty(), wake);
    }

    public void start() {
        timer.start();
    }

    @Override
    public void close() {
        timer.close();
    }
}
