package dev.mayday.slack.api;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.mayday.metrics.SlackCallMeters;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.RetryPolicy;
import dev.mayday.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;

/**
 * Every Slack Web API call Mayday makes goes through here, so that failure handling lives in one place:
 * <ul>
 *   <li>HTTP 429: nothing is sent to that method until its {@code Retry-After} has passed (see {@link RateLimitGate});</li>
 *   <li>5xx, timeouts, refused connections and Slack's transient errors: retried with bounded, jittered backoff;</li>
 *   <li>errors that will not heal ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth}, …):
 *       no retry, one clear log line, and a {@link SlackCallFailed} for the caller.</li>
 * </ul>
 * Slack reports most failures as {@code ok=false} with an error code rather than an exception: both become
 * {@link SlackCallFailed}. Long outages are the outbox's business: it retries whole deliveries later.
 */
public final class SlackCalls {

    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final RateLimitGate gate;
    private final RetryPolicy retries;
    private final Sleeper sleeper;
    private final SlackCallMeters meters;

    public SlackCalls(RateLimitGate gate, RetryPolicy retries, Sleeper sleeper, SlackCallMeters meters) {
        this.gate = gate;
        this.retries = retries;
        this.sleeper = sleeper;
        this.meters = meters;
    }

    /**
     * A call that is not {@code idempotent} (a post, a create) is retried here only when Slack certainly did not
     * act on it (429, a refused connection); after a 5xx or a timeout it may have, so the caller decides.
     */
    public <T extends SlackApiTextResponse> T call(String method, boolean idempotent, Call<T> call) {
        return call(method, idempotent, Set.of(), call);
    }

    /**
     * As above; an error in {@code expected} is one the caller treats as an answer ({@code already_in_channel} for an
     * invite): it is thrown without the warning an error that will not heal gets.
     */
    public <T extends SlackApiTextResponse> T call(String method, boolean idempotent, Set<String> expected,
                                                   Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            SlackCallFailed failure;
            boolean certainlyNotActedOn = false;
            try {
                gate.awaitOpen(method);
                T response = call.run();
                if (response.isOk()) {
                    meters.succeeded(method);
                    return response;
                }
                failure = new SlackCallFailed(method, response.getError(), null);
            } catch (SlackApiException e) {
                failure = new SlackCallFailed(method, "http_" + e.getResponse().code(), null);
                if (e.getResponse().code() == 429) {
                    gate.close(method, retryAfter(e));
                    certainlyNotActedOn = true;
                }
            } catch (ConnectException e) {
                failure = new SlackCallFailed(method, "io_error", e);
                certainlyNotActedOn = true;
            } catch (IOException e) {
                failure = new SlackCallFailed(method, "io_error", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallFailed(method, "interrupted", e);
            }
            meters.failed(method, failure.error());
            if (!failure.isTransient()) {
                if (expected.contains(failure.error())) {
                    throw failure;
                }
                log.warn("Slack {} refused: {} (not retried: this will not heal by waiting)", method, failure.error());
                throw failure;
            }
            boolean mayRetry = idempotent || certainlyNotActedOn;
            if (!mayRetry || attempt >= retries.maxAttempts() || "fatal_error".equals(failure.error())) {
                throw failure;
            }
            pause(method, retries.delayAfter(attempt));
        }
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private void pause(String method, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(method, "interrupted", e);
        }
    }

    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException, SlackApiException;
    }
}
