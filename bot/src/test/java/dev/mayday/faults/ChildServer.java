package dev.mayday.faults;

import dev.mayday.sandbox.ServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code java dev.mayday.Main serve} as a child process of the test, started again after every kill on a fresh
 * loopback port, with its output in a file beside the store (not in the build log). Stopped the hard way (SIGKILL, no
 * shutdown hooks) or as an operator would (SIGTERM).
 */
final class ChildServer implements AutoCloseable {

    /** What a JVM killed by SIGKILL reports as its exit value (128 + 9); SIGTERM would be 143. */
    static final int SIGKILL_EXIT = 137;
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final Map<String, String> environment;
    private final List<String> jvmFlags;
    private ServerProcess process;
    private int starts;

    ChildServer(Path dir, Map<String, String> environment) {
        this(dir, environment, List.of());
    }

    /** {@code extraJvmFlags} come after the usual ones, e.g. to log with the product's configuration. */
    ChildServer(Path dir, Map<String, String> environment, List<String> extraJvmFlags) {
        this.dir = dir;
        this.environment = Map.copyOf(environment);
        this.jvmFlags = new ArrayList<>(JVM_FLAGS);
        this.jvmFlags.addAll(extraJvmFlags);
    }

    /** Starts a new server process and waits until {@code /health} answers 200; returns how long that took. */
    Duration start() throws InterruptedException {
        long began = System.nanoTime();
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the previous server is still running");
        }
        starts++;
        int port = ServerProcess.freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        try {
            process = ServerProcess.start(jvmFlags, "dev.mayday.Main", List.of("serve"), env, port, log());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server process", e);
        }
        try {
            process.awaitHealthy(START_PATIENCE);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + logTail());
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** kill -9: returns the exit value the process ended with. */
    int killHard() throws InterruptedException {
        return process.killHard();
    }

    /** SIGTERM: the exit value if the process ended within {@code patience}, else empty (still running). */
    OptionalInt terminate(Duration patience) throws InterruptedException {
        return process.terminate(patience);
    }

    /** Everything the current process printed (its log lines). */
    String output() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    /** The last lines of the current process's output, for assertion messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            StringBuilder tail = new StringBuilder("\n--- ").append(log().getFileName()).append(" (last lines) ---\n");
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> tail.append(l).append('\n'));
            return tail.toString();
        } catch (IOException e) {
            return "\n(no server log: " + e.getMessage() + ")";
        }
    }

    private Path log() {
        return dir.resolve("server-" + starts + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.killHard();
        }
    }
}
