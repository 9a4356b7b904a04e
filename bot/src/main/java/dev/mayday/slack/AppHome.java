package dev.mayday.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.rotation.HomeFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The App Home tab: published when someone opens it, and again for the people a change concerns. Publishing happens
 * on one worker after the request is acknowledged; a person already waiting for a refresh is not queued twice, and
 * beyond {@link #MAX_PENDING} people waiting, refreshes are dropped (the next opening of the tab shows the truth).
 * The duty roster is watched every {@link #ROSTER_WATCH_MILLIS} ms (one read of a small table): a member whose row
 * or time away changed ({@code /incident duty …}, a pick, a hand-off) gets their Home refreshed.
 */
public final class AppHome implements BoltEventHandler<AppHomeOpenedEvent>, AutoCloseable {

    static final int MAX_PENDING = 500;
    static final long ROSTER_WATCH_MILLIS = 1_000;
    /** A new incident's channel is made by the outbox a moment after it is declared: look for it this often… */
    private static final long CHANNEL_POLL_MILLIS = 1_000;
    /** …this many times, for at most this many incidents at once. */
    private static final int CHANNEL_POLLS = 30;
    private static final int MAX_CHANNEL_WAITS = 50;
    private static final Logger log = LoggerFactory.getLogger(AppHome.class);

    private final SlackGateway gateway;
    private final HomeFacts.Source facts;
    private final HomeView view;
    private final IncidentDirectory directory;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger channelWaits = new AtomicInteger();
    private final ScheduledExecutorService worker;
    private final java.time.Clock clock;
    private Map<String, String> lastRoster;

    public AppHome(SlackGateway gateway, HomeFacts.Source facts, HomeView view, IncidentDirectory directory,
                   java.time.Clock clock) {
        this.clock = clock;
        this.gateway = gateway;
        this.facts = facts;
        this.view = view;
        this.directory = directory;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mayday-app-home");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.worker = executor;
    }

    /** Starts watching the roster. */
    public void start() {
        worker.scheduleWithFixedDelay(this::watchRoster, 0, ROSTER_WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void watchRoster() {
        try {
            Map<String, String> now = facts.rosterSignatures(clock.instant());
            if (lastRoster != null) {
                Set<String> changed = new TreeSet<>();
                now.forEach((user, signature) -> {
                    if (!signature.equals(lastRoster.get(user))) {
                        changed.add(user);
                    }
                });
                lastRoster.keySet().stream().filter(user -> !now.containsKey(user)).forEach(changed::add);
                refresh(changed);
            }
            lastRoster = now;
        } catch (RuntimeException e) {
            log.error("Watching the duty roster for App Home refreshes failed; trying again", e);
        }
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if ("home".equals(event.getTab()) && event.getUser() != null) {
            refresh(Set.of(event.getUser()));
        }
        return ctx.ack();
    }

    /** Publishes the Home of each of {@code users} again, soon and off the caller's thread. */
    public void refresh(Collection<String> users) {
        for (String user : users) {
            if (user == null || !Mentions.isUserId(user) || pending.size() >= MAX_PENDING || !pending.add(user)) {
                continue;
            }
            try {
                worker.execute(() -> publish(user));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pending.remove(user);
            }
        }
    }

    /** Refreshes now, and once more when the new incident's channel exists (so its Home line links to it). */
    public void refreshWhenChannelReady(long incidentId, Collection<String> users) {
        refresh(users);
        if (channelWaits.incrementAndGet() > MAX_CHANNEL_WAITS) {
            channelWaits.decrementAndGet();
            return;
        }
        awaitChannel(incidentId, Set.copyOf(users), CHANNEL_POLLS);
    }

    private void awaitChannel(long incidentId, Set<String> users, int pollsLeft) {
        try {
            worker.schedule(() -> {
                boolean ready = directory.byId(incidentId).flatMap(i -> i.channel()).isPresent();
                if (ready || pollsLeft <= 1) {
                    channelWaits.decrementAndGet();
                    if (ready) {
                        refresh(users);
                    }
                } else {
                    awaitChannel(incidentId, users, pollsLeft - 1);
                }
            }, CHANNEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            channelWaits.decrementAndGet();
        }
    }

    private void publish(String user) {
        // removed first: a change made while this view is built queues one more publish
        pending.remove(user);
        try {
            gateway.publishHome(user, view.build(facts.of(user)));
        } catch (SlackCallFailed e) {
            log.warn("Publishing the App Home of {} failed: {}", user, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Publishing the App Home of {} failed", user, e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
