package dev.mayday.bench;

import dev.mayday.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class StoreColumnsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @TempDir
    Path dir;

    @Test
    void withoutAServer_orWithQuickSizes_isOneLineSayingWhy() throws Exception {
        assertThat(new StoreColumns(dir, Optional.empty()).run(Benchmark.Sizes.standard()))
                .singleElement().asString().startsWith("PostgreSQL column: not run (set " + StoreColumns.URL_VARIABLE);
        assertThat(new StoreColumns(dir, Optional.of(URL)).run(Benchmark.Sizes.quick()))
                .containsExactly("PostgreSQL column: not run with --quick (only with the default sizes)");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS) // a guard against a hang: five server JVMs start here
    void onAServer_printsEachWritePhaseForSqliteAndOneAndTwoPostgresProcesses() throws Exception {
        assumeThat(TestPostgres.server()).as("a PostgreSQL server (see TestPostgres)").isPresent();
        String admin = Optional.ofNullable(System.getenv(TestPostgres.URL_VARIABLE)).orElse(URL);
        Benchmark.Sizes tiny = Benchmark.Sizes.tiny();
        Benchmark.Sizes small = new Benchmark.Sizes(Benchmark.Sizes.standard().name(), tiny.levels(), 40, 1, 96,
                Duration.ofSeconds(5), 20, 96, Duration.ofSeconds(5), 12, 200, 1_000, 60, 5, tiny.storm());

        List<String> lines = new StoreColumns(dir, Optional.of(admin)).run(small);

        lines.forEach(System.out::println);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SQLite, 1 process", "PostgreSQL, 1 process",
                "PostgreSQL, 2 processes"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("| commands (n=32)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("| events (n=32)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("| PagerDuty webhooks (n=16)"));
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120))
                .noneSatisfy(line -> assertThat(line).contains("failed"));
    }
}
