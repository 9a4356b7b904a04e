package dev.mayday.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkSmokeTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed check: two JVMs start here
    void printsEveryRowWithTinySizes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Benchmark.Row> rows = new Benchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(Benchmark.Sizes.tiny());
        String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(table).contains("restart to healthy", "warm-up rounds, JIT in the last",
                "server resident memory after the run", "targets met",
                "cpu: the load client's one thread");
        for (int connections : Benchmark.Sizes.tiny().levels()) {
            assertThat(table).contains("commands, bare, " + connections + " conn",
                    "commands, Mayday, " + connections + " conn",
                    "commands ack p99 Mayday/bare, " + connections + " conn",
                    "events, bare, " + connections + " conn", "events, Mayday, " + connections + " conn",
                    "events Mayday/bare, " + connections + " conn: rate",
                    "events Mayday/bare, " + connections + " conn: p99",
                    "events, " + connections + " conn: answered 200 / stored");
        }
        assertThat(table).contains("PagerDuty webhooks, 16 conn", "PagerDuty webhooks p99",
                "commands, Slack hanging, 4 conn", "post-mortem draft, 200 events",
                "post-mortem draft, 1,000 events", "digest of a year");
        assertThat(table).contains("declare storm, 8 conn, core busy (n=24)", "declare storm: refused",
                "declare storm: ack p99 / max", "declare storm: stored / channels set up");
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(rows).hasSize(31);
        assertThat(rows).allSatisfy(row -> assertThat(row.value()).isNotBlank());
        assertThat(rows).filteredOn(row -> row.figure().contains("conn (n=")).allSatisfy(row ->
                assertThat(row.client()).as(row.figure()).endsWith("%"));
    }
}
