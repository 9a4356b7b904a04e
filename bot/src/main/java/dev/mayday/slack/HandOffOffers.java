package dev.mayday.slack;

import dev.mayday.incident.IncidentDirectory;
import dev.mayday.rotation.HandOffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a minute (by the injected clock, looked at every second so a test can move time), offers long-serving leads a
 * hand-off and posts the offers in their incident channels. At most {@link #OFFERS_PER_CHECK} offers a check; an
 * offer whose post failed is tried again at the next check, after looking for it by its delivery tag, up to
 * {@link HandOffs#MAX_ATTEMPTS} times.
 */
public final class HandOffOffers implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    static final int OFFERS_PER_CHECK = 20;
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HandOffOffers.class);

    private final HandOffs handOffs;
    private final IncidentDirectory directory;
    private final SlackGateway gateway;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mayday-handoff-offers");
        thread.setDaemon(true);
        return thread;
    });
    private Instant lastCheck;

    public HandOffOffers(HandOffs handOffs, IncidentDirectory directory, SlackGateway gateway, Clock clock) {
        this.handOffs = handOffs;
        this.directory = directory;
        this.gateway = gateway;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            boolean due = lastCheck == null || !now.isBefore(lastCheck.plus(CHECK_EVERY)) || now.isBefore(lastCheck);
            if (due) {
                lastCheck = now;
                check();
            }
        } catch (RuntimeException e) {
            log.error("Checking for lead hand-offs failed; trying again at the next check", e);
        }
    }

    private void check() {
        handOffs.offerDue(OFFERS_PER_CHECK);
        for (HandOffs.Offer offer : handOffs.unposted(OFFERS_PER_CHECK)) {
            post(offer);
        }
    }

    private void post(HandOffs.Offer offer) {
        Optional<String> channel = directory.byId(offer.incidentId()).flatMap(i -> i.channel());
        if (channel.isEmpty() || !handOffs.isCurrent(offer)) {
            handOffs.givenUp(offer, "the lead changed before the offer was posted");
            return;
        }
        String tag = "handoff:" + offer.stint();
        try {
            Optional<String> earlier = offer.attempts() == 0 ? Optional.empty()
                    : gateway.findTagged(channel.get(), tag, offer.offeredAt());
            if (earlier.isPresent()) {
                handOffs.posted(offer, earlier.get());
                return;
            }
            handOffs.countAttempt(offer);
            String ts = gateway.postTagged(channel.get(), HandOffMessage.text(offer, handOffs.after()),
                    HandOffMessage.blocks(offer, handOffs.after()), tag);
            handOffs.posted(offer, ts);
        } catch (SlackCallFailed e) {
            if (!e.isTransient()) {
                handOffs.givenUp(offer, e.error());
            }
            log.warn("Posting the hand-off offer for incident #{} failed: {}", offer.incidentId(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
