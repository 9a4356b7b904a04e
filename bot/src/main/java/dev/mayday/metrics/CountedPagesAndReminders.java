package dev.mayday.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@link PagesAndReminders} as two Prometheus counters. */
final class CountedPagesAndReminders implements PagesAndReminders {

    private final Counter pages;
    private final Counter reminders;

    CountedPagesAndReminders(MeterRegistry registry) {
        this.pages = Counter.builder("mayday.pages.sent").description("Pages sent").register(registry);
        this.reminders = Counter.builder("mayday.reminders.sent").description("Reminders sent").register(registry);
    }

    @Override
    public void pageSent() {
        pages.increment();
    }

    @Override
    public void reminderSent() {
        reminders.increment();
    }
}
