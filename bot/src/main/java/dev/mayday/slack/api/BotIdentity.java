package dev.mayday.slack.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Learns the bot's own user id ({@code auth.test}) once at start, off the start-up thread, so that requests
 * (KnownBotAuthorization) and deliveries find it known. When Slack cannot answer, it is logged, and whatever
 * needs the id next asks again ({@link SlackGateway#botUserId()}).
 */
public final class BotIdentity implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final SlackGateway gateway;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mayday-bot-identity");
        thread.setDaemon(true);
        return thread;
    });

    public BotIdentity(SlackGateway gateway) {
        this.gateway = gateway;
    }

    public void learn() {
        worker.execute(() -> {
            try {
                gateway.botUserId();
            } catch (SlackCallFailed e) {
                log.warn("Learning the bot's identity failed: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("Learning the bot's identity failed", e);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
