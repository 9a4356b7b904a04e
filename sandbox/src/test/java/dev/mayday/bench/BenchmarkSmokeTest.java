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

        assertThat(table).contains("start to healthy", "resident memory of the server after the run", "targets met");
        for (int clients : new int[]{1, 16, 64}) {
            assertThat(table).contains("ack, bare Bolt app, " + clients + " clients",
                    "ack, Mayday note/declare, " + clients + " clients");
        }
        assertThat(table).contains("ack p99 ratio Mayday/bare, 16 clients", "ack p99 ratio Mayday/bare, 64 clients",
                "ack while Slack hangs 10 s", "Events API, bare Bolt app (ack only)", "Events API ingest", "Events API: answered 200 / stored",
                "PagerDuty webhooks", "PagerDuty webhooks p50/p99/max", "post-mortem draft, 200 timeline events",
                "post-mortem draft, 1,000 timeline events", "digest over a year");
        assertThat(table).contains("declare storm, 24 distinct from 8 clients, one core kept busy: refused",
                "declare storm ack p50/p99/max", "declare storm: incidents stored / channels set up");
        assertThat(rows).hasSize(26);
        assertThat(rows).allSatisfy(row -> assertThat(row.value()).isNotBlank());
    }
}
