package dev.mayday.http;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.support.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code GET /health} tells a store that takes writes from one that answers reads but fails every write. */
class HealthTest {

    @TempDir
    Path dir;

    private static IncidentRow incident(int n) {
        return new IncidentRow(0, "Incident " + n + " " + "x".repeat(2_000), null, "SEV2", "INVESTIGATING", false, false,
                IncidentRow.People.declarerLeads("U1"),
                IncidentRow.Times.declared(1_000L), null, "fill:" + n,
                IncidentRow.Place.declaredFrom(null), 1_000L);
    }

    @Test
    void health_whenEveryWriteFailsForLackOfRoom_is503NotWritableWithTheReason() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("mayday.db");
        long migrated;
        try (Database fresh = Database.open(url)) {
            migrated = fresh.jdbi().withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
        }
        // SQLite's size limit stands in for a full disk: past it every write that needs room fails with SQLITE_FULL
        try (Sandbox sandbox = Sandbox.startOnStore(url + "?max_page_count=" + (migrated + 20))) {
            Database store = sandbox.app.database();
            assertThatThrownBy(() -> {
                for (int n = 0; n < 1_000; n++) {
                    int row = n;
                    store.inTransaction(s -> s.incidents().insertIfNew(incident(row)));
                }
            }).hasMessageContaining("full");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                HttpResponse<String> health = sandbox.get("/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"degraded\"").contains("\"store\":\"not writable\"")
                        .contains("\"reason\":\"the store is full");
            });
        }
    }

    @Test
    void health_whileAnotherProcessHoldsTheWriteLock_isBusyNotFailing_andOkAfter() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mayday.db"));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");

            HttpResponse<String> busy = sandbox.get("/health");

            assertThat(busy.statusCode()).isEqualTo(200);
            assertThat(busy.body()).contains("\"status\":\"ok\"").contains("\"store\":\"busy\"");
            statement.execute("ROLLBACK");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sandbox.get("/health").body())
                    .contains("\"status\":\"ok\"").contains("\"store\":\"reachable\""));
        }
    }
}
