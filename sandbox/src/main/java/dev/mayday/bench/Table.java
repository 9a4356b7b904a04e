package dev.mayday.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures, one row each, and how they are written: the table printed at the end. A load row also
 * shows the load client's CPU share, so a reader can tell the client left the machine to the server.
 */
final class Table implements DeclareStorm.Rows {

    private final List<Benchmark.Row> rows = new ArrayList<>();

    List<Benchmark.Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void add(String figure, String value, String target, Boolean met) {
        rows.add(new Benchmark.Row(figure, value, "", target, met));
    }

    /**
     * A row measured under load: rate and latency, with the client thread's CPU share; and when requests failed, a
     * row under it saying how many, a target missed whatever the figure's own target.
     */
    @Override
    public void load(String figure, LoadResult result, String target, Boolean met) {
        rows.add(new Benchmark.Row(figure, summary(result), percent(result.clientCpuShare()), target, met));
        if (result.errors() > 0) {
            add("  of which failed", result.errors() + " of " + result.count(), "none", false);
        }
    }

    long missed() {
        return rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
    }

    void print(PrintStream out) {
        int f = width(rows.stream().map(Benchmark.Row::figure).toList(), "figure");
        int v = width(rows.stream().map(Benchmark.Row::value).toList(), "value");
        int c = width(rows.stream().map(Benchmark.Row::client).toList(), "cpu");
        int t = width(rows.stream().map(Benchmark.Row::target).toList(), "target");
        String format = "| %-" + f + "s | %-" + v + "s | %" + c + "s | %-" + t + "s | %-6s |%n";
        out.printf(format, "figure", "value", "cpu", "target", "result");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(f + 2), "-".repeat(v + 2), "-".repeat(c + 2), "-".repeat(t + 2),
                "-".repeat(8));
        for (Benchmark.Row row : rows) {
            out.printf(format, row.figure(), row.value(), row.client(), row.target(),
                    row.met() == null ? "" : row.met() ? "met" : "MISSED");
        }
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        out.printf(Locale.ROOT, "cpu: the load client's one thread, CPU time over the run's wall time (100%% = a core)%n");
        out.printf(Locale.ROOT, "%d targets met, %d missed%n", met, missed());
    }

    private static int width(List<String> cells, String header) {
        return Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0));
    }

    /** Rate and latency in one cell: {@code 1,234/s, p50 1.0 p99 9.9 max 20 ms}. */
    static String summary(LoadResult r) {
        return String.format(Locale.ROOT, "%,.0f/s, p50 %s p99 %s max %s ms", r.perSecond(), number(r.p50()),
                number(r.p99()), number(r.max()));
    }

    static String ms(double millis) {
        return number(millis) + " ms";
    }

    private static String number(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f" : "%.1f", millis);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
