package dev.mayday.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process's meters, one registry per running Mayday, shown by {@code GET /metrics} in Prometheus's text format.
 * Adapters count what passes through them with the meters made here ({@link #http()}, {@link #slackCalls()},
 * {@link #webhooks()}, {@link #pagesAndReminders()}); what lives in the store (the outbox's backlog, open incidents,
 * the last digest) is read once per scrape by {@link ScrapeTimeGauges}, never on the request path.
 */
public final class Metrics implements AutoCloseable {

    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<ScrapeTimeGauges> atScrape = new CopyOnWriteArrayList<>();
    private final HttpMeters http;
    private final SlackCallMeters slackCalls;
    private final WebhookMeters webhooks;
    private final PagesAndReminders pagesAndReminders;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.http = new HttpMeters(registry);
        this.slackCalls = new SlackCallMeters(registry);
        this.webhooks = new WebhookMeters(registry);
        this.pagesAndReminders = new CountedPagesAndReminders(registry);
    }

    public HttpMeters http() {
        return http;
    }

    public SlackCallMeters slackCalls() {
        return slackCalls;
    }

    public WebhookMeters webhooks() {
        return webhooks;
    }

    /** Where the pages and reminders sent will be counted. */
    public PagesAndReminders pagesAndReminders() {
        return pagesAndReminders;
    }

    /** Adds gauges whose values are read when scraped (from the store, say), registering them now. */
    public void readAtScrape(ScrapeTimeGauges gauges) {
        gauges.register(registry);
        atScrape.add(gauges);
    }

    /** Every meter in Prometheus's text format, the store's gauges read afresh. */
    public String scrape() {
        atScrape.forEach(ScrapeTimeGauges::refresh);
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
