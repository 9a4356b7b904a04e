package dev.mayday.slack;

import dev.mayday.retry.RetryPolicy;
import dev.mayday.rotation.RosterChange;
import dev.mayday.rotation.RosterListener;
import dev.mayday.rotation.RosterNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the direct messages roster changes owe: right after a change made by someone else, and every second for
 * notices a failure or a stopped process left pending. One thread sends, in the order the changes were made. A
 * failure that may heal waits with a growing backoff (up to a minute) and tries again; a refusal that will not heal
 * ({@code user_not_found}, {@code invalid_auth}, …) is recorded as FAILED. Each attempt is counted before it is made;
 * a crash between Slack taking the message and the store recording it sends it once more (a direct message has no
 * history the bot may read back without another scope), so a notice is never lost and rarely doubled.
 */
public final class RosterDirectMessages implements RosterListener, AutoCloseable {

    static final Duration TICK = Duration.ofSeconds(1);
    static final int PER_TICK = 20;
    private static final RetryPolicy BACKOFF = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final Logger log = LoggerFactory.getLogger(RosterDirectMessages.class);

    private final RosterNotices notices;
    private final SlackGateway gateway;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mayday-roster-dms");
        thread.setDaemon(true);
        return thread;
    });

    public RosterDirectMessages(RosterNotices notices, SlackGateway gateway) {
        this.notices = notices;
        this.gateway = gateway;
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::sendDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void recorded(RosterChange change) {
        if (!change.bySomeoneElse()) {
            return;
        }
        try {
            worker.execute(this::sendDue);
        } catch (RejectedExecutionException stopping) {
            // the notice stays pending in the store: the next start sends it
        }
    }

    /** True once no notice is pending (FAILED ones count as done); false after the timeout. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (notices.pendingCount() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void sendDue() {
        try {
            notices.due(PER_TICK).forEach(this::send);
        } catch (RuntimeException e) {
            log.error("Sending roster direct messages failed; trying again in {}", TICK, e);
        }
    }

    private void send(RosterNotices.Notice notice) {
        if (!notices.claim(notice)) {
            return;
        }
        try {
            // a user id as the channel: the bot's direct messages with that person (the app's Messages tab)
            String ts = gateway.postMessage(notice.change().target(), RosterChangeText.notice(notice.change()), null);
            notices.sent(notice, ts);
        } catch (SlackCallFailed e) {
            if (e.isTransient()) {
                notices.later(notice, notices.now().plus(BACKOFF.delayAfter(notice.attempts() + 1)), e.error());
            } else {
                log.warn("The direct message to {} about a roster change failed for good: {}", notice.change().target(),
                        e.error());
                notices.failed(notice, e.error());
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
