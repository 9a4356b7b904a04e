package dev.mayday.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges whose values cost a read (of the store, say): read once per scrape, just before it, so that nothing on the
 * request path pays for them and a scrape every few seconds costs one read each time.
 */
public interface ScrapeTimeGauges {

    /** Registers the gauges known from the start; called once. */
    void register(MeterRegistry registry);

    /** Reads the values the gauges will show in the scrape that follows (and may register gauges found new). */
    void refresh();
}
