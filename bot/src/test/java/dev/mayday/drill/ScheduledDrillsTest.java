package dev.mayday.drill;

import ch.qos.logback.classic.Level;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.support.CapturedLog;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup timer in a running Mayday: a slot that passed while it was down is drilled at the next start, once; a
 * failed drill is posted in the digest channel once; {@code /health} shows the last drill.
 */
class ScheduledDrillsTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    @TempDir
    Path backups;
    Sandbox sandbox;

    private List<FakeMessage> notices() {
        return sandbox.slack.messages(sandbox.digestChannel);
    }

    /** The sandbox starts on Saturday 14 March, 10:30 in Berlin, after that day's 03:00 slot: too early for it. */
    private void startThenRestartAfterSundaysSlot(Path backupDir) throws Exception {
        sandbox = sandboxes.start(dir -> Sandbox.startWithBackups(dir, "daily 03:00", backupDir));
        sandbox.settle();
        assertThat(sandbox.get("/health").body()).contains("\"drill\":{\"result\":\"none\"}");
        sandbox.clock.advance(Duration.ofDays(1)); // Sunday, 10:30: Sunday's 03:00 slot was missed
        sandbox.restart();
    }

    @Test
    void aMissedSlotIsDrilledAtStart_once_andHealthShowsIt() throws Exception {
        startThenRestartAfterSundaysSlot(backups.resolve("mayday"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sandbox.get("/health").body())
                .contains("\"drill\":{\"result\":\"ok\",\"age_seconds\":").contains("\"restore_ms\":"));
        try (var files = Files.list(backups.resolve("mayday"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("mayday-20260315-093000.db");
        }
        sandbox.restart();
        sandbox.settle();
        try (var files = Files.list(backups.resolve("mayday"))) {
            assertThat(files).as("the slot was drilled already").hasSize(1);
        }
        assertThat(notices()).isEmpty();
    }

    @Test
    void aFailedDrillIsPostedInTheDigestChannelOnce() throws Exception {
        Path inTheWay = Files.writeString(backups.resolve("not-a-directory"), "a file where backups should go");
        try (CapturedLog log = CapturedLog.of(RestoreDrills.class)) {
            startThenRestartAfterSundaysSlot(inTheWay);
            await().atMost(Duration.ofSeconds(30)).until(() -> notices().size() == 1);
            assertThat(log.messages(Level.ERROR)).singleElement().asString().startsWith("Restore drill FAILED: ");
        }
        assertThat(notices().get(0).text()).startsWith(":x: The restore drill of 2026-03-15T02:00:00Z failed: ")
                .contains("a file of that name is in the way");
        assertThat(sandbox.get("/health").body()).contains("\"drill\":{\"result\":\"failed\"");

        sandbox.restart();
        sandbox.settle();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(notices()).hasSize(1));
    }
}
