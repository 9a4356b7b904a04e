package dev.mayday.drill;

import dev.mayday.db.Database;
import dev.mayday.db.drill.DrillRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the record of restore drills says now: the last drill's result and age, and the last that passed. */
public final class DrillHistory {

    private final Database database;
    private final Clock clock;

    public DrillHistory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<DrillRow> lastFinished() {
        return database.read(s -> s.drills().lastFinished(clock.millis()));
    }

    public Optional<DrillRow> lastPassed() {
        return database.read(s -> s.drills().lastPassed(clock.millis()));
    }

    /**
     * For {@code GET /health}: {@code result} ok, failed or none; with a drill, its age in seconds and the time its
     * restore took (and, failed, why). Informational: a failed drill does not make the process unhealthy.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        Optional<DrillRow> last = lastFinished();
        if (last.isEmpty()) {
            summary.put("result", "none");
            return summary;
        }
        DrillRow drill = last.get();
        summary.put("result", drill.ok() ? "ok" : "failed");
        summary.put("age_seconds", Duration.between(Instant.ofEpochMilli(drill.finishedAt()), clock.instant()).toSeconds());
        if (drill.ok()) {
            summary.put("restore_ms", drill.restoreMillis());
        } else {
            summary.put("reason", drill.failure());
        }
        return summary;
    }
}
