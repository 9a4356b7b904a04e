package dev.mayday.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark of issues #8 and #13: starts the real server with the fake Slack and PagerDuty on loopback, drives
 * it over HTTP next to a bare Bolt-on-Javalin app from a one-thread load client, times the draft and digest on filled
 * temporary stores, and prints one table with every figure next to its target. Every loop is bounded by a count and by
 * time. {@code bench [--quick] [--check] [--profile]}: {@code --check} exits 1 when a target is missed,
 * {@code --profile} records the server during the Events API phase ({@code --profile=commands|webhooks}: that phase)
 * and prints where its time went.
 */
public final class Benchmark {

    static final String TOKEN = "xoxb-bench-token-not-real";
    static final String SECRET = "bench-signing-secret-not-real";
    static final String PD_TOKEN = "pd-bench-token-not-real";
    static final String PD_SECRET = "pd-bench-webhook-secret-not-real";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String HOST = "127.0.0.1";

    /** How much work each part does; every phase also stops at its time cap. */
    public record Sizes(String name, List<Integer> levels, int warmup, int warmupRounds, int commandsPerLevel,
                        Duration levelCap,
                        int outageCommands, int events, Duration ingestCap, int pagerDutyIncidents, int draftSmall,
                        int draftLarge, int digestIncidents, int digestPeople, Storm storm) {

        /** Issue 13 compares Mayday with the bare app at these numbers of connections. */
        static final List<Integer> ISSUE_13_LEVELS = List.of(16, 64);

        public Sizes {
            levels = List.copyOf(levels);
        }

        /** Commands need an incident channel per connection at the highest level (see {@link CommandMix}). */
        int incidentChannels() {
            return levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        }

        /** About 3 minutes on 2 cores. */
        public static Sizes standard() {
            return new Sizes("default", ISSUE_13_LEVELS, 2_000, 4, 3_000, Duration.ofSeconds(15), 1_500, 10_000,
                    Duration.ofSeconds(15), 1_000, 10_000, 100_000, 5_000, 20, Storm.ISSUE_11);
        }

        /** Under a minute: fewer requests, same store sizes; the declare storm as the issue states it. */
        public static Sizes quick() {
            return new Sizes("quick", ISSUE_13_LEVELS, 400, 1, 600, Duration.ofSeconds(3), 300, 1_500,
                    Duration.ofSeconds(3), 150, 10_000, 100_000, 5_000, 20, Storm.ISSUE_11);
        }

        /** For the smoke test: every row, tiny sizes, fewer connections (so fewer incidents to set up). */
        public static Sizes tiny() {
            return new Sizes("tiny", List.of(4, 8), 40, 1, 80, Duration.ofSeconds(2), 20, 80,
                    Duration.ofSeconds(2), 8, 200, 1_000, 60, 5, new Storm(24, 8));
        }
    }

    /** The declare storm: {@code declares} distinct declarations from {@code clients} at once, one core kept busy. */
    public record Storm(int declares, int clients) {
        /** Issue 11's measure: 400 distinct declares from 64 clients. */
        static final Storm ISSUE_11 = new Storm(400, 64);
    }

    /** One line of the table; {@code client} is the load client's CPU share, {@code met} null without a target. */
    record Row(String figure, String value, String client, String target, Boolean met) {
    }

    /** What a run was asked for besides its sizes. */
    record Options(boolean check, Profiled profile) {
        static Options of(List<String> args) {
            Profiled profiled = args.contains("--profile") ? Profiled.EVENTS : null;
            for (Profiled phase : Profiled.values()) {
                if (args.contains("--profile=" + phase.option())) {
                    profiled = phase;
                }
            }
            return new Options(args.contains("--check"), profiled);
        }
    }

    /** The phase {@code --profile} records: the Events API unless {@code --profile=commands|webhooks} says otherwise. */
    enum Profiled {
        COMMANDS("commands", "slash commands"), EVENTS("events", "Events API"), WEBHOOKS("webhooks", "PagerDuty webhooks");

        private final String option;
        private final String label;

        Profiled(String option, String label) {
            this.option = option;
            this.label = label;
        }

        String option() {
            return option;
        }

        String label() {
            return label;
        }
    }

    private final PrintStream out;
    private final Table table = new Table();

    public Benchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new Benchmark(System.out).run(args));
    }

    /**
     * Runs with {@code --quick} (under a minute) or {@code --tiny}, or the default sizes. Answers 1 when it could not
     * run to the end, and with {@code --check} also when a target was missed; otherwise 0.
     */
    public int run(String[] args) {
        List<String> list = List.of(args);
        Sizes sizes = list.contains("--tiny") ? Sizes.tiny() : list.contains("--quick") ? Sizes.quick() : Sizes.standard();
        Options options = Options.of(list);
        try {
            run(sizes, options);
        } catch (Exception e) {
            out.println("benchmark failed: " + e);
            e.printStackTrace(out);
            table.print(out);
            return 1;
        }
        if (options.check() && table.missed() > 0) {
            out.printf(Locale.ROOT, "--check: %d target(s) missed%n", table.missed());
            return 1;
        }
        return 0;
    }

    List<Row> run(Sizes sizes) throws Exception {
        return run(sizes, new Options(false, null));
    }

    List<Row> run(Sizes sizes, Options options) throws Exception {
        long begin = System.nanoTime();
        Path dir = Files.createTempDirectory("mayday-bench");
        Progress progress = new Progress();
        ServerProfile.Span recording;
        List<String> byStore;
        try {
            recording = new ServerPhases(table, progress, dir).run(sizes, options.profile());
            new DraftPhase(table).run(sizes, dir);
            progress.phase("drafts");
            new DigestPhase(table).run(sizes, dir);
            progress.phase("digest");
            byStore = new StoreColumns(dir, Optional.ofNullable(System.getenv(StoreColumns.URL_VARIABLE))).run(sizes);
            progress.phase("by store");
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT, "%nMayday benchmark (%s sizes, %d cores, %.0f s)%nservers run as java %s%n", sizes.name(),
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - begin) / 1e9,
                String.join(" ", ServerPhases.SERVER_JVM_FLAGS));
        table.print(out);
        byStore.forEach(out::println);
        if (recording != null) {
            ProfileSummary.read(recording).print(out, options.profile().label(), recording.file());
        }
        return table.rows();
    }

    /** Lets the outbox finish what a phase queued, so that phase's Slack work does not weigh on the next. */
    static void quiet(StoreProbe store) throws InterruptedException {
        if (!store.awaitOutboxIdle(Duration.ofSeconds(60))) {
            System.err.println("[bench] the outbox still had work after 60 s; going on");
        }
    }

    /** Progress on stderr, so a long run shows where it is and the table on stdout stays clean. */
    static final class Progress {
        private long phaseStart = System.nanoTime();

        void phase(String name) {
            long now = System.nanoTime();
            System.err.printf(Locale.ROOT, "[bench] %s took %.1f s%n", name, (now - phaseStart) / 1e9);
            phaseStart = now;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp file is not worth failing the run for
        }
    }
}
