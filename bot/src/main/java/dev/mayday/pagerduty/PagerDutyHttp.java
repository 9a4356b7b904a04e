package dev.mayday.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.retry.RateLimitGate;
import dev.mayday.retry.Sleeper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends PagerDuty REST requests with the failure handling in one place:
 * <ul>
 *   <li>one request at a time per token (PagerDuty's advice against its rate limit), on one shared OkHttp client;</li>
 *   <li>429: nobody sends again before {@code Retry-After} (or {@code ratelimit-reset}, or a backoff when PagerDuty
 *       sent neither) has passed;</li>
 *   <li>5xx, timeouts and broken connections: retried with jittered backoff, but a non-idempotent request only when
 *       PagerDuty certainly did not act on it (429, refused connection);</li>
 *   <li>everything else: a {@link PagerDutyCallFailed} at once.</li>
 * </ul>
 */
final class PagerDutyHttp implements AutoCloseable {

    record Answer(int status, String body) {}

    private static final Logger log = LoggerFactory.getLogger(PagerDutyHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String ACCEPT = "application/vnd.pagerduty+json;version=2";
    private static final int SNIPPET_CHARS = 200;
    /** The rate limit is PagerDuty's per token, and this sender has one token. */
    private static final String RATE_LIMIT_KEY = "pagerduty";

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final String fromEmail;
    private final CallPolicy policy;
    private final ObjectMapper json = new ObjectMapper();
    private final ReentrantLock serial = new ReentrantLock(true);
    private final RateLimitGate rateLimit;
    private final Sleeper sleeper;

    PagerDutyHttp(String baseUrl, String token, String fromEmail, CallPolicy policy, Clock clock, Sleeper sleeper) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a PagerDuty API token is required");
        }
        this.base = parsed;
        this.token = token;
        this.fromEmail = fromEmail == null || fromEmail.isBlank() ? null : fromEmail;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.rateLimit = new RateLimitGate(clock, sleeper);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .writeTimeout(policy.readTimeout())
                .callTimeout(policy.callTimeout())
                // OkHttp would otherwise resend some failed requests by itself, notes included: we decide here.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    Answer get(HttpUrl url) {
        return send("GET", url, null, true);
    }

    /** For writes that may safely be repeated, such as setting a status. */
    Answer put(HttpUrl url, JsonNode body) {
        return send("PUT", url, body, true);
    }

    /** For writes that must not be repeated blindly, such as adding a note. */
    Answer post(HttpUrl url, JsonNode body) {
        return send("POST", url, body, false);
    }

    ObjectMapper json() {
        return json;
    }

    /** A failure for a 2xx answer whose body is not what PagerDuty documents. */
    PagerDutyCallFailed unreadable(String method, HttpUrl url, Answer answer, String reason) {
        return new PagerDutyCallFailed(method, url.encodedPath(), answer.status(), null,
                "unreadable answer (" + reason + "): " + snippet(answer.body()), null);
    }

    private Answer send(String method, HttpUrl url, JsonNode body, boolean idempotent) {
        Request request = request(method, url, body);
        for (int attempt = 1; ; attempt++) {
            Attempt result = once(request, attempt);
            if (result.answer() != null) {
                return result.answer();
            }
            PagerDutyCallFailed failure = result.failure();
            boolean mayRepeat = idempotent || result.certainlyNotProcessed();
            if (!failure.isTransient()) {
                // PagerDuty refused (404, 401, 1001…): the caller decides whether that is a problem.
                log.debug("{}", failure.getMessage());
                throw failure;
            }
            if (!mayRepeat || result.giveUp() || attempt >= policy.retry().maxAttempts()) {
                log.warn("{} (attempt {} of {}, not retried here)", failure.getMessage(), attempt,
                        policy.retry().maxAttempts());
                throw failure;
            }
            log.debug("{}; retrying", failure.getMessage());
            if (!result.rateLimited()) {
                sleep(request, policy.retry().delayAfter(attempt));
            }
        }
    }

    private record Attempt(Answer answer, PagerDutyCallFailed failure, boolean certainlyNotProcessed,
                           boolean rateLimited, boolean giveUp) {
        static Attempt answered(Answer answer) {
            return new Attempt(answer, null, false, false, false);
        }

        static Attempt failed(PagerDutyCallFailed failure, boolean certainlyNotProcessed) {
            return new Attempt(null, failure, certainlyNotProcessed, false, false);
        }
    }

    private Attempt once(Request request, int attempt) {
        String method = request.method();
        String path = request.url().encodedPath();
        try {
            serial.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PagerDutyCallFailed(method, path, 0, null, "interrupted", e);
        }
        try {
            Attempt stillLimited = awaitRateLimit(request);
            if (stillLimited != null) {
                return stillLimited;
            }
            try (Response response = http.newCall(request).execute()) {
                ResponseBody responseBody = response.body();
                Answer answer = new Answer(response.code(), responseBody == null ? "" : responseBody.string());
                if (response.isSuccessful()) {
                    return Attempt.answered(answer);
                }
                PagerDutyCallFailed failure = new PagerDutyCallFailed(method, path, answer.status(),
                        errorCode(answer.body()), snippet(answer.body()), null);
                if (answer.status() == 429) {
                    Duration wait = advertisedWait(response).orElseGet(() -> policy.retry().delayAfter(attempt));
                    rateLimit.close(RATE_LIMIT_KEY, wait);
                    return new Attempt(null, failure, true, true, wait.compareTo(policy.maxRateLimitWait()) > 0);
                }
                return Attempt.failed(failure, false);
            }
        } catch (ConnectException e) {
            return Attempt.failed(new PagerDutyCallFailed(method, path, 0, null, "connection refused", e), true);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new PagerDutyCallFailed(method, path, 0, null, "interrupted", e);
            }
            String what = e instanceof InterruptedIOException ? "timed out" : e.getClass().getSimpleName();
            return Attempt.failed(new PagerDutyCallFailed(method, path, 0, null, what, e), false);
        } finally {
            serial.unlock();
        }
    }

    /** Waits out a rate limit, or reports it without sending when it lasts longer than this call may wait. */
    private Attempt awaitRateLimit(Request request) {
        Duration wait = rateLimit.remaining(RATE_LIMIT_KEY);
        if (wait.compareTo(policy.maxRateLimitWait()) > 0) {
            PagerDutyCallFailed limited = new PagerDutyCallFailed(request.method(), request.url().encodedPath(), 429,
                    null, "rate-limited for another " + wait.toSeconds() + " s (not sent)", null);
            return new Attempt(null, limited, true, true, true);
        }
        if (!wait.isZero()) {
            sleep(request, wait);
        }
        return null;
    }

    private Request request(String method, HttpUrl url, JsonNode body) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("Authorization", "Token token=" + token)
                .header("Accept", ACCEPT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "mayday");
        if (body == null) {
            return builder.get().build();
        }
        if (fromEmail != null) {
            builder.header("From", fromEmail);
        }
        return builder.method(method, RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON)).build();
    }

    private Integer errorCode(String body) {
        try {
            JsonNode code = json.readTree(body).path("error").path("code");
            return code.canConvertToInt() ? code.asInt() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private String snippet(String body) {
        String flat = body.replace(token, "[token]").replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS) + "…";
    }

    /**
     * How long PagerDuty asked us to wait: {@code Retry-After} seconds, else {@code ratelimit-reset} seconds (the header
     * PagerDuty documents); empty when it sent neither, which its documentation warns can happen.
     */
    private static Optional<Duration> advertisedWait(Response response) {
        for (String header : new String[] {"Retry-After", "ratelimit-reset"}) {
            String value = response.header(header);
            if (value != null) {
                try {
                    return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
                } catch (NumberFormatException notSeconds) {
                    // An HTTP date or garbage: try the next header.
                }
            }
        }
        return Optional.empty();
    }

    private void sleep(Request request, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PagerDutyCallFailed(request.method(), request.url().encodedPath(), 0, null, "interrupted", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
