package dev.mayday.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Every try at a Slack Web API call, by method and outcome: {@code ok}, {@code 429}, {@code 5xx}, {@code io_error},
 * another HTTP status as {@code http_<status>}, or Slack's error code ({@code channel_not_found}, …). Slack's codes are
 * a fixed vocabulary of short snake_case words; anything else is counted as {@code other}, so the label set stays small.
 */
public final class SlackCallMeters {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final MeterRegistry registry;
    private final ConcurrentMap<MethodOutcome, Counter> calls = new ConcurrentHashMap<>();

    private record MethodOutcome(String method, String outcome) {
    }

    SlackCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void succeeded(String method) {
        count(method, "ok");
    }

    /** {@code error}: Slack's error code, or {@code http_<status>} / {@code io_error} when Slack gave none. */
    public void failed(String method, String error) {
        count(method, outcomeOf(error));
    }

    static String outcomeOf(String error) {
        if (error == null || !ERROR_CODE.matcher(error).matches()) {
            return "other";
        }
        if (error.equals("http_429")) {
            return "429";
        }
        if (error.startsWith("http_5")) {
            return "5xx";
        }
        return error;
    }

    private void count(String method, String outcome) {
        calls.computeIfAbsent(new MethodOutcome(method, outcome), key -> Counter.builder("mayday.slack.calls")
                .description("Slack Web API calls tried, by method and outcome")
                .tag("method", key.method()).tag("outcome", key.outcome())
                .register(registry)).increment();
    }
}
