package dev.mayday.slack.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.retry.RetryPolicy;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one socket to Slack open for as long as Mayday runs (Socket Mode: Slack's requests arrive over it, nothing
 * needs a public URL). When Slack asks for a new connection ({@code disconnect}, e.g. {@code refresh_requested}) the
 * new one is opened at once and the old one stays open a while, so envelopes already on it are still acknowledged on
 * it; when a connection drops, a new one is opened with backoff, for as long as it takes. An envelope whose
 * acknowledgement is lost on the way is delivered again by Slack, and the replay guard makes the redelivery act once.
 */
public final class SocketMode implements SocketLink.Listener, AutoCloseable {

    static final RetryPolicy RECONNECT = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** How long a connection Slack asked to replace is kept for the acknowledgements still to go out on it. */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

    private final SocketAddresses addresses;
    private final EnvelopeHandler envelopes;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mayday-socket-mode");
        thread.setDaemon(true);
        return thread;
    });
    // guarded by this
    private SocketLink current;
    private final Set<SocketLink> retiring = new HashSet<>();
    private int failures;
    private String reason = "connecting";
    private boolean closed;

    public SocketMode(SocketAddresses addresses, EnvelopeHandler envelopes, ObjectMapper json) {
        this.addresses = addresses;
        this.envelopes = envelopes;
        this.json = json;
    }

    /** Opens the first connection in the background; {@link #status()} says when it is up. */
    public void start() {
        scheduler.execute(this::open);
    }

    /** Connected while a connection Slack said hello on is open (during a refresh, the old one counts until it closes). */
    public synchronized SocketStatus status() {
        boolean up = current != null && current.ready() || retiring.stream().anyMatch(SocketLink::ready);
        return up ? SocketStatus.up() : SocketStatus.down(reason);
    }

    private void open() {
        URI address;
        try {
            address = addresses.next();
        } catch (SocketOpenFailed e) {
            failed(e.getMessage(), e.tokenRefused());
            return;
        }
        SocketLink link = new SocketLink(address, this, json);
        synchronized (this) {
            if (closed) {
                return;
            }
            current = link;
        }
        link.connect();
    }

    @Override
    public void hello(SocketLink link) {
        List<SocketLink> replaced;
        boolean recovered;
        synchronized (this) {
            if (link != current) {
                link.close();
                return;
            }
            recovered = failures > 0;
            failures = 0;
            reason = "";
            replaced = new ArrayList<>(retiring);
        }
        if (recovered) {
            log.info("Socket Mode is connected again");
        } else {
            log.debug("Socket Mode connection ready");
        }
        replaced.forEach(old -> later(old::close, RETIRE_AFTER));
    }

    @Override
    public void disconnectRequested(SocketLink link, String why) {
        synchronized (this) {
            if (closed || link != current) {
                return;
            }
            retiring.add(link);
            current = null;
        }
        log.info("Slack asked for a new Socket Mode connection ({}); opening it", why);
        later(this::open, Duration.ZERO);
    }

    @Override
    public void envelope(SocketLink link, String message) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        envelopes.handle(message, ack -> acknowledge(link, ack));
    }

    /** On the connection the envelope came on while it is open, else on the current one; lost, Slack redelivers. */
    private void acknowledge(SocketLink from, String ack) {
        SocketLink via;
        synchronized (this) {
            via = from.isOpen() ? from : current;
        }
        try {
            if (via != null) {
                via.send(ack);
                return;
            }
        } catch (WebsocketNotConnectedException gone) {
            // closed between the check and the send: as if none were open
        }
        log.info("Could not acknowledge an envelope: no connection is open (Slack delivers it again)");
    }

    @Override
    public void closed(SocketLink link, String why) {
        synchronized (this) {
            retiring.remove(link);
            if (closed || link != current) {
                return;
            }
            current = null;
        }
        failed(why, false);
    }

    private void failed(String why, boolean tokenRefused) {
        int attempt;
        boolean news;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = ++failures;
            news = !why.equals(reason);
            reason = why;
        }
        Duration wait = RECONNECT.delayAfter(attempt);
        if (tokenRefused && news) {
            log.error("Socket Mode cannot connect: {}; trying again, at most {} s apart", why,
                    RECONNECT.maxDelay().toSeconds());
        } else if (news) {
            log.warn("Socket Mode is not connected: {}; trying again", why);
        }
        later(this::open, wait);
    }

    private void later(Runnable task, Duration wait) {
        try {
            scheduler.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // closed meanwhile: nothing more to open or close
        }
    }

    /**
     * Stops taking envelopes (new ones are left for Slack to deliver again), lets those in hand finish and be
     * acknowledged, then closes every connection without waiting on Slack.
     */
    @Override
    public void close() {
        List<SocketLink> links;
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
        envelopes.close();
        synchronized (this) {
            links = new ArrayList<>(retiring);
            if (current != null) {
                links.add(current);
            }
            current = null;
            retiring.clear();
        }
        links.forEach(SocketLink::close);
    }
}
