package dev.mayday.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The bare app and Mayday measured in alternating rounds (bare first, then Mayday first, and so on), so that a slow
 * stretch of a shared machine falls on both rather than on one. A ratio target is judged on the median round; every
 * round's ratio is shown beside it, so a reader sees the spread. Mayday's outbox is drained after each of its runs,
 * so the bare app never competes with Mayday's Slack work.
 */
final class PairedRounds {

    /** One side's run in one round; {@code round} numbers the rounds from 0, to keep requests distinct. */
    @FunctionalInterface
    interface Side {
        LoadResult run(int round) throws IOException, InterruptedException;
    }

    /** What both sides measured in one round. */
    record Round(LoadResult bare, LoadResult mayday) {
    }

    /** Every round's results, in order. */
    record Rounds(List<Round> rounds) {

        Rounds {
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException("no rounds");
            }
            rounds = List.copyOf(rounds);
        }

        LoadResult bare() {
            return combined(rounds.stream().map(Round::bare).toList());
        }

        LoadResult mayday() {
            return combined(rounds.stream().map(Round::mayday).toList());
        }

        /** Mayday's figure over the bare app's, each round. */
        List<Double> ratios(ToDoubleFunction<LoadResult> figure) {
            return rounds.stream().map(r -> figure.applyAsDouble(r.mayday()) / figure.applyAsDouble(r.bare())).toList();
        }

        /** {@code 1.62× (1.55 1.62 2.10)}: the median round's ratio, then each round's. */
        static String describe(List<Double> ratios) {
            StringBuilder each = new StringBuilder();
            for (double r : ratios) {
                each.append(each.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r));
            }
            return String.format(Locale.ROOT, "%.2f× (%s)", median(ratios), each);
        }
    }

    private PairedRounds() {
    }

    /** Runs {@code count} rounds; {@code settle} runs after every Mayday run (its outbox drains there). */
    static Rounds run(int count, Side bare, Side mayday, Settle settle) throws IOException, InterruptedException {
        List<Round> rounds = new ArrayList<>(count);
        for (int round = 0; round < count; round++) {
            LoadResult b;
            LoadResult m;
            if (round % 2 == 0) {
                b = bare.run(round);
                m = mayday.run(round);
                settle.run();
            } else {
                m = mayday.run(round);
                settle.run();
                b = bare.run(round);
            }
            rounds.add(new Round(b, m));
        }
        return new Rounds(rounds);
    }

    /** Waits for Mayday to finish the work a run left behind. */
    @FunctionalInterface
    interface Settle {
        void run() throws InterruptedException;
    }

    /** The middle value; of an even count, the mean of the two middle ones. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The rounds of one side as one result: counts, times and CPU added, latencies pooled. */
    static LoadResult combined(List<LoadResult> results) {
        int count = 0;
        int errors = 0;
        long elapsed = 0;
        long cpu = 0;
        String firstFailure = "";
        int latencies = 0;
        for (LoadResult r : results) {
            latencies += r.sortedNanos().length;
        }
        long[] pooled = new long[latencies];
        int at = 0;
        for (LoadResult r : results) {
            count += r.count();
            errors += r.errors();
            elapsed += r.elapsedNanos();
            cpu += r.clientCpuNanos();
            if (firstFailure.isEmpty()) {
                firstFailure = r.firstFailure();
            }
            System.arraycopy(r.sortedNanos(), 0, pooled, at, r.sortedNanos().length);
            at += r.sortedNanos().length;
        }
        Arrays.sort(pooled);
        return new LoadResult(count, errors, elapsed, pooled, cpu, firstFailure);
    }
}
