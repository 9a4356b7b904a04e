package dev.mayday.slack.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the person who declared an incident where its channel is, once it exists. Either side may come first:
 * the set-up can finish before the command handler has registered its reply, so finished outcomes wait here too
 * (a bounded few, since nobody waits for a PagerDuty-declared incident).
 */
public final class DeclarationReplies {

    private static final Logger log = LoggerFactory.getLogger(DeclarationReplies.class);
    private static final int MAX_UNCLAIMED = 200;

    private final Map<Long, Reply> waiting = new HashMap<>();
    private final Map<Long, String> unclaimed = bounded();
    private final Map<Long, String> unclaimedProgress = bounded();

    public void whenReady(long incidentId, Reply reply) {
        String outcome;
        String interim;
        synchronized (this) {
            outcome = unclaimed.remove(incidentId);
            interim = unclaimedProgress.remove(incidentId);
            if (outcome == null) {
                waiting.put(incidentId, reply);
            }
        }
        if (interim != null) {
            send(reply, interim);
        }
        if (outcome != null) {
            send(reply, outcome);
        }
    }

    /** An interim word (Slack is slow, still trying) for the declarer; the wait for the outcome goes on. */
    void progress(long incidentId, String text) {
        Reply reply;
        synchronized (this) {
            reply = waiting.get(incidentId);
            if (reply == null) {
                unclaimedProgress.put(incidentId, text);
                return;
            }
        }
        send(reply, text);
    }

    /** The final outcome: the channel is live, or Slack refused it for good. */
    void settled(long incidentId, String outcome) {
        Reply reply;
        synchronized (this) {
            reply = waiting.remove(incidentId);
            unclaimedProgress.remove(incidentId);
            if (reply == null) {
                unclaimed.put(incidentId, outcome);
                return;
            }
        }
        send(reply, outcome);
    }

    private static Map<Long, String> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > MAX_UNCLAIMED;
            }
        };
    }

    private static void send(Reply reply, String text) {
        try {
            reply.send(text);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not reply to the declarer: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    public interface Reply {
        void send(String text) throws IOException;
    }
}
