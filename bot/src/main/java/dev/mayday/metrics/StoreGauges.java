package dev.mayday.metrics;

import dev.mayday.db.Database;
import dev.mayday.db.digest.DigestRow;
import dev.mayday.db.outbox.LaneBacklog;
import dev.mayday.digest.IsoWeek;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.Lane;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store knows, as gauges read at scrape time: the outbox's backlog by lane kind (pending rows, rows failed for
 * good, the age of the oldest pending row), the open incidents by severity, and the last weekly digest posted. Lanes
 * are labelled by {@linkplain Lane#kindOf kind} ({@code slack/incident}, {@code slack/home}, …), never one label per
 * incident; a kind is shown from its first row not yet delivered, and stays (at 0) once it has been seen.
 */
public final class StoreGauges implements ScrapeTimeGauges {

    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    private final Database database;
    private final Clock clock;
    private final Set<String> laneKinds = ConcurrentHashMap.newKeySet();
    private volatile Snapshot latest = Snapshot.EMPTY;
    private MeterRegistry registry;

    public StoreGauges(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One scrape's reading of the store. */
    private record Snapshot(Map<String, Backlog> lanes, Map<String, Integer> openBySeverity, Optional<DigestRow> digest,
                            long readAt) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Optional.empty(), 0);

        Backlog lane(String kind) {
            return lanes.getOrDefault(kind, Backlog.NONE);
        }
    }

    @Override
    public void register(MeterRegistry registry) {
        this.registry = registry;
        for (Severity severity : Severity.values()) {
            Gauge.builder("mayday.incidents.open", () -> latest.openBySeverity().getOrDefault(severity.name(), 0))
                    .description("Incidents not yet resolved, by severity")
                    .tag("severity", severity.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Gauge.builder("mayday.digest.last.week", () -> latest.digest()
                        .map(row -> IsoWeek.parse(row.isoWeek())).map(week -> week.year() * 100 + week.week()).orElse(0))
                .description("The ISO week of the last weekly digest posted, as yyyyww (202647 is 2026-W47); 0 for none")
                .register(registry);
        Gauge.builder("mayday.digest.last.posted.timestamp", () -> latest.digest().map(row -> row.postedAt() / 1000.0)
                        .orElse(0.0))
                .description("When the last weekly digest was posted, in seconds since the epoch; 0 for none")
                .baseUnit("seconds").register(registry);
    }

    @Override
    public void refresh() {
        try {
            latest = read();
        } catch (RuntimeException e) {
            // the scrape still answers, with the last values read: a store in trouble shows on /health
            log.warn("Metrics could not read the store; showing the last values read: {}", e.toString());
            return;
        }
        latest.lanes().keySet().forEach(this::registerLane);
    }

    private Snapshot read() {
        return database.read(store -> {
            List<LaneBacklog> backlog = store.outbox().backlog();
            Map<String, Integer> open = store.openIncidents().openCountBySeverity();
            Optional<DigestRow> digest = store.digests().lastPosted();
            Map<String, Backlog> byKind = new HashMap<>();
            for (LaneBacklog lane : backlog) {
                byKind.merge(Lane.kindOf(lane.lane()), Backlog.of(lane), Backlog::plus);
            }
            return new Snapshot(Map.copyOf(byKind), Map.copyOf(open), digest, clock.millis());
        });
    }

    private void registerLane(String kind) {
        if (!laneKinds.add(kind)) {
            return;
        }
        Gauge.builder("mayday.outbox.pending", () -> latest.lane(kind).pending())
                .description("Outbox rows waiting to be delivered, by lane kind").tag("lane", kind).register(registry);
        Gauge.builder("mayday.outbox.failed", () -> latest.lane(kind).failed())
                .description("Outbox rows that failed for good, by lane kind").tag("lane", kind).register(registry);
        Gauge.builder("mayday.outbox.oldest.pending.age", () -> latest.lane(kind).oldestPendingAt()
                        .map(at -> Math.max(0, latest.readAt() - at) / 1000.0).orElse(0.0))
                .description("Age of the oldest outbox row waiting to be delivered, by lane kind; 0 when none waits")
                .tag("lane", kind).baseUnit("seconds").register(registry);
    }
}
