package dev.mayday.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether the servers' JIT compilers have settled: the CPU time of their C1 and C2 compiler threads, read from
 * {@code /proc} (Linux), over the wall time since the last look. A server that still compiles its request path while
 * it is measured is measured half-warm, and its compiler threads take a core from it; and the bare app, with less
 * code, settles sooner. The warm-up goes on until both compile little (or its rounds run out).
 */
final class JitSettling {

    /** A JVM whose compiler threads used at most this share of one core since the last look has settled. */
    static final double SETTLED = 0.05;
    /** Linux's USER_HZ: {@code /proc/<pid>/task/<tid>/stat} counts CPU time in these. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> pids;
    private long lastLook = System.nanoTime();
    private double[] lastSeconds;

    JitSettling(List<Long> pids) {
        this.pids = List.copyOf(pids);
        this.lastSeconds = seconds();
    }

    /**
     * The highest share of one core any of the JVMs' compiler threads used since the last look (0.25 = a quarter),
     * or -1 when {@code /proc} cannot tell.
     */
    double busiestShareSinceLastLook() {
        long now = System.nanoTime();
        double[] seconds = seconds();
        double wall = (now - lastLook) / 1e9;
        double busiest = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] >= 0 && lastSeconds[i] >= 0 && wall > 0) {
                busiest = Math.max(busiest, (seconds[i] - lastSeconds[i]) / wall);
            }
        }
        lastLook = now;
        lastSeconds = seconds;
        return busiest;
    }

    private double[] seconds() {
        return pids.stream().mapToDouble(JitSettling::compilerSeconds).toArray();
    }

    /** CPU seconds the JVM's compiler threads have used, or -1. */
    static double compilerSeconds(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(JitSettling::compilerTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long compilerTicks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            // after the name: state is field 3, utime and stime fields 14 and 15 of the whole line
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // a thread that ended between the listing and the read
        }
    }
}
