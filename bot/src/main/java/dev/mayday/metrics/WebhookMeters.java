package dev.mayday.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** PagerDuty webhook deliveries, by what became of them; every outcome is shown from the start, at 0. */
public final class WebhookMeters {

    /** What a delivery came to. */
    public enum Outcome {
        ACCEPTED, REPEAT, IGNORED, NOT_CONFIGURED, BAD_SIGNATURE, MALFORMED, STORE_FAILED
    }

    private final Map<Outcome, Counter> deliveries = new EnumMap<>(Outcome.class);

    WebhookMeters(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            deliveries.put(outcome, Counter.builder("mayday.pagerduty.webhooks")
                    .description("PagerDuty webhook deliveries, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    public void received(Outcome outcome) {
        deliveries.get(outcome).increment();
    }
}
