package dev.mayday.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures, one row each, and how they are written: the table printed at the end. */
final class Table implements DeclareStorm.Rows {

    private final List<Benchmark.Row> rows = new ArrayList<>();

    List<Benchmark.Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void add(String figure, String value, String target, Boolean met) {
        rows.add(new Benchmark.Row(figure, value, target, met));
    }

    void print(PrintStream out) {
        int f = Math.max(6, rows.stream().mapToInt(r -> r.figure().length()).max().orElse(6));
        int v = Math.max(5, rows.stream().mapToInt(r -> r.value().length()).max().orElse(5));
        int t = Math.max(6, rows.stream().mapToInt(r -> r.target().length()).max().orElse(6));
        String format = "| %-" + f + "s | %-" + v + "s | %-" + t + "s | %-6s |%n";
        out.printf(format, "figure", "value", "target", "result");
        out.printf("|%s|%s|%s|%s|%n", "-".repeat(f + 2), "-".repeat(v + 2), "-".repeat(t + 2), "-".repeat(8));
        for (Benchmark.Row row : rows) {
            out.printf(format, row.figure(), row.value(), row.target(),
                    row.met() == null ? "" : row.met() ? "met" : "MISSED");
        }
        long missed = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        out.printf(Locale.ROOT, "%d targets met, %d missed%n", met, missed);
    }

    static String latency(Load.Result r) {
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f ms (n=%d%s)", r.p50(), r.p99(), r.max(),
                r.count(), r.errors() == 0 ? "" : ", " + r.errors() + " failed");
    }

    static String rate(Load.Result r) {
        return String.format(Locale.ROOT, "%,.0f/s (n=%d in %.1f s%s)", r.perSecond(), r.count(),
                r.elapsedNanos() / 1e9, r.errors() == 0 ? "" : ", " + r.errors() + " non-2xx");
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f ms" : "%.1f ms", millis);
    }
}
