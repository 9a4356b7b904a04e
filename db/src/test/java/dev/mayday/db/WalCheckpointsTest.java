package dev.mayday.db;

import dev.mayday.db.incident.IncidentRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The write-ahead log reaches the store file without any writer copying it. */
class WalCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void writesInTheLog_reachTheStoreFile_whileTheWritersOwnThresholdIsFarAway() throws Exception {
        Path file = dir.resolve("checkpoints.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            long before = Files.size(file);
            String text = "x".repeat(2_000);
            for (int i = 0; i < 300; i++) {
                String key = "row-" + i;
                db.inTransaction(store -> store.incidents().insertIfNew(new IncidentRow(0, text, null, "SEV2",
                        "INVESTIGATING", false, false, IncidentRow.People.declarerLeads("U1"),
                        IncidentRow.Times.declared(1_000L), null, key, IncidentRow.Place.declaredFrom("C0"), 1_000L)));
            }
            // about 150 pages of rows, far below the writers' own threshold of 10,000: only the thread copies them
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.size(file) > before + 300_000);
        }
    }
}
