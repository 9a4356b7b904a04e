package dev.mayday.bench;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileSummaryTest {

    @Test
    void aRecordingOfBusyCode_namesThatCode_selfAndInclusive(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spin.jfr");
        long sum;
        Instant begin;
        Instant end;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            begin = Instant.now();
            sum = spin();
            end = Instant.now();
            recording.stop();
            recording.dump(file);
        }

        ProfileSummary summary = ProfileSummary.read(new ServerProfile.Span(file, begin, end));
        ProfileSummary none = ProfileSummary.read(new ServerProfile.Span(file, end.plusSeconds(60), end.plusSeconds(61)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "slash commands", file);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(sum).isNotZero();
        assertThat(summary.samples()).isPositive();
        assertThat(none.samples()).as("samples outside the span are left out").isZero();
        assertThat(printed).contains("Server profile of the slash commands phase");
        assertThat(printed).contains(file.toAbsolutePath().toString(), "samples passing through: Jetty 0.0%", "waiting (parked or blocked",
                "self (on top of the stack)", "inclusive (anywhere in the stack)");
        assertThat(printed.substring(printed.indexOf("inclusive"))).contains("dev.mayday.bench.ProfileSummaryTest.spin");
    }

    /** Work the sampler can catch: a bounded loop the JIT cannot drop, since its result is used. */
    private static long spin() {
        long sum = 0;
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 5_000_000; i++) {
                sum += Long.hashCode(sum * 31 + i) % 7;
            }
        }
        return sum;
    }
}
