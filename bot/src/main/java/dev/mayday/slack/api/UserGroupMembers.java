package dev.mayday.slack.api;

import dev.mayday.rotation.GroupMembership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Slack user group's members ({@code usergroups.users.list}), kept for {@link #FRESH_FOR} so a burst of roster
 * commands asks Slack once. The lookup runs on a thread of its own and the caller waits at most {@link #WAIT}: a
 * slash command must be answered within Slack's 3 seconds, so a slow or failing Slack gets a clear "try again" rather
 * than a timeout, and a lookup that finishes late still fills the cache for that retry. A failed lookup is never
 * guessed at: an old membership could let a removed admin in.
 */
public final class UserGroupMembers implements GroupMembership, AutoCloseable {

    static final Duration FRESH_FOR = Duration.ofSeconds(60);
    static final Duration WAIT = Duration.ofMillis(1500);

    private final SlackGateway gateway;
    private final Clock clock;
    private final Map<String, Members> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Set<String>>> lookups = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mayday-user-groups");
        thread.setDaemon(true);
        return thread;
    });

    private record Members(Set<String> users, Instant fetchedAt) {
    }

    public UserGroupMembers(SlackGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public boolean includes(String groupId, String userId) {
        Members known = cache.get(groupId);
        if (known != null && clock.instant().isBefore(known.fetchedAt().plus(FRESH_FOR))) {
            return known.users().contains(userId);
        }
        try {
            return lookup(groupId).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).contains(userId);
        } catch (TimeoutException e) {
            throw new Unavailable("Slack did not answer in time", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof SlackCallFailed failed ? "Slack answered " + failed.error()
                    : "the lookup failed";
            throw new Unavailable(reason, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    /** The lookup under way for {@code groupId}, or a new one: concurrent callers share one Slack call. */
    private synchronized CompletableFuture<Set<String>> lookup(String groupId) {
        CompletableFuture<Set<String>> running = lookups.get(groupId);
        if (running != null && !running.isDone()) {
            return running;
        }
        CompletableFuture<Set<String>> started = CompletableFuture.supplyAsync(() -> {
            Set<String> users = Set.copyOf(gateway.userGroupMembers(groupId));
            cache.put(groupId, new Members(users, clock.instant()));
            return users;
        }, worker);
        lookups.put(groupId, started);
        return started;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
