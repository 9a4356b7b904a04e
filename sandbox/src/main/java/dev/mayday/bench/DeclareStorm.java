package dev.mayday.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11's storm: many distinct declarations at once while another process keeps one core busy, as on a machine
 * that is already struggling when the alerts fire. None may be refused, every ack must come within Slack's 3 s, and
 * every incident must get its channel. The declares are signed before the storm and sent by the one-thread load
 * client.
 */
final class DeclareStorm {

    /** Slack's ack window. */
    private static final double ACK_LIMIT_MILLIS = 3_000;
    /** Longer than the storm and its outbox can take; the burner is stopped as soon as the storm ends anyway. */
    private static final int BURNER_SECONDS = 180;

    /** Where the storm's figures go. */
    interface Rows {
        void add(String figure, String value, String target, Boolean met);

        void load(String figure, LoadResult result, String target, Boolean met);
    }

    private final Benchmark.Storm storm;
    private final SlackRequests slack;
    private final LoadClient mayday;
    private final String channel;
    private final StoreProbe store;

    DeclareStorm(Benchmark.Storm storm, SlackRequests slack, LoadClient mayday, String channel, StoreProbe store) {
        this.storm = storm;
        this.slack = slack;
        this.mayday = mayday;
        this.channel = channel;
        this.store = store;
    }

    void run(Rows rows) throws IOException, InterruptedException {
        String run = "Storm " + Long.toString(System.currentTimeMillis(), 36);
        List<byte[]> declares = new ArrayList<>(storm.declares());
        for (int i = 0; i < storm.declares(); i++) {
            // a trigger of its own, as Slack makes one per invocation: the same trigger is the same declaration
            declares.add(slack.command("U0STORM", channel, "declare sev" + (1 + i % 4) + " " + run + " " + i,
                    run + "-trigger-" + i));
        }
        AtomicInteger interim = new AtomicInteger();
        Plan.Verdict acked = CommandMix.acked();
        Plan plan = new Plan(declares, storm.clients(), Duration.ofSeconds(120), (status, body) -> {
            if (new String(body, StandardCharsets.UTF_8).contains("still saving")) {
                interim.incrementAndGet();
            }
            return acked.ok(status, body);
        });
        LoadResult result;
        Process burner = busyCore();
        try {
            result = mayday.run(plan);
        } finally {
            stop(burner);
        }
        TrafficPhases.report("declare storm", result);
        Benchmark.quiet(store);
        String ofThisRun = "FROM incidents WHERE title LIKE '" + run + " %'";
        long stored = store.count("SELECT COUNT(*) " + ofThisRun);
        long channels = store.count("SELECT COUNT(*) " + ofThisRun + " AND channel_id IS NOT NULL");
        boolean all = result.count() == storm.declares();
        rows.load(String.format(Locale.ROOT, "declare storm, %d conn, core busy (n=%d)", storm.clients(),
                result.count()), result, "", null);
        rows.add("declare storm: refused", String.format(Locale.ROOT, "%d of %d (%d acked 'still saving')",
                result.errors(), result.count(), interim.get()), "0", result.errors() == 0 && all);
        rows.add("declare storm: ack p99 / max", Table.ms(result.p99()) + " / " + Table.ms(result.max()),
                "≤ 1 s, < 3 s", all && result.p99() <= 1_000 && result.max() < ACK_LIMIT_MILLIS);
        rows.add("declare storm: stored / channels set up", stored + " / " + channels,
                storm.declares() + " / " + storm.declares(), stored == storm.declares() && channels == storm.declares());
    }

    /** A shell spinning on one core, bounded by {@code timeout} should the benchmark die before stopping it. */
    private static Process busyCore() {
        try {
            return new ProcessBuilder("timeout", String.valueOf(BURNER_SECONDS), "sh", "-c", "while :; do :; done")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the process that keeps a core busy", e);
        }
    }

    private static void stop(Process burner) throws InterruptedException {
        burner.descendants().forEach(ProcessHandle::destroy);
        burner.destroy();
        if (!burner.waitFor(5, TimeUnit.SECONDS)) {
            burner.descendants().forEach(ProcessHandle::destroyForcibly);
            burner.destroyForcibly();
        }
    }
}
