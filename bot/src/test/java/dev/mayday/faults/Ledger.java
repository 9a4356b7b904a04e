package dev.mayday.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the crash test's clients were told: every request Mayday answered with a 2xx that accepted it, by what it was,
 * and how each kind of request fared. Shared by the client threads of every round.
 */
final class Ledger {

    /** Trigger ids of {@code /incident declare} commands that were acknowledged as declared. */
    final Set<String> declares = ConcurrentHashMap.newKeySet();
    /** Trigger ids of declarations answered ":x: … Nothing was changed". */
    final Set<String> failedDeclares = ConcurrentHashMap.newKeySet();
    /** Text → event id of message events answered 2xx (first delivery or a retry of it). */
    final Map<String, String> messages = new ConcurrentHashMap<>();
    final List<ChannelText> notes = new CopyOnWriteArrayList<>();
    /** Notes answered with a refusal (":warning:" or ":x:"): Mayday said nothing was changed. */
    final List<ChannelText> refusedNotes = new CopyOnWriteArrayList<>();
    final List<ChannelText> updates = new CopyOnWriteArrayList<>();
    /** Channel → number of status changes acknowledged there. */
    final Map<String, AtomicInteger> statusChanges = new ConcurrentHashMap<>();
    final Set<String> resolves = ConcurrentHashMap.newKeySet();
    /** PagerDuty incident ids whose incident.triggered delivery was accepted (202). */
    final CopyOnWriteArrayList<String> pages = new CopyOnWriteArrayList<>();
    final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    record ChannelText(String channel, String text) {
    }

    /** An accepted PagerDuty delivery; {@code noteContent} is set for incident.annotated. */
    record Webhook(String eventId, String eventType, String pagerId, String noteContent) {
    }

    void count(String operation, String outcome) {
        outcomes.computeIfAbsent(operation + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    int accepted() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(" accepted"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    String summary() {
        Map<String, Integer> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted.toString();
    }
}
