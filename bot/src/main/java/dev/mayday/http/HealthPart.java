package dev.mayday.http;

import java.util.Map;

/**
 * One thing {@code GET /health} reports beside the store: the fields it adds to the answer, and whether it makes the
 * process unhealthy (503, so a load balancer stops sending here) or is information only.
 */
@FunctionalInterface
public interface HealthPart {

    Report check();

    record Report(Map<String, Object> fields, boolean healthy) {

        public Report {
            fields = Map.copyOf(fields);
        }

        /** Fields that never make the process unhealthy. */
        public static Report information(Map<String, Object> fields) {
            return new Report(fields, true);
        }
    }
}
