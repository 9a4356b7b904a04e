package dev.mayday.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java dev.mayday.Main serve} as a child process of the test, on a fresh loopback port each start, with its
 * output in files beside the store (not in the build log). Stopped only the hard way: SIGKILL, no shutdown hooks.
 */
final class ChildServer implements AutoCloseable {

    /** What a JVM killed by SIGKILL reports as its exit value (128 + 9); SIGTERM would be 143. */
    static final int SIGKILL_EXIT = 137;
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final Path dir;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;
    private int starts;

    ChildServer(Path dir, Map<String, String> environment) {
        this.dir = dir;
        this.environment = Map.copyOf(environment);
    }

    /** Starts a new server process and waits until {@code /health} answers 200; returns how long that took. */
    Duration start() throws InterruptedException {
        long began = System.nanoTime();
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the previous server is still running");
        }
        starts++;
        port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.mayday.Main", "serve")
                .redirectOutput(log("out").toFile())
                .redirectError(log("err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server process", e);
        }
        awaitHealthy();
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** kill -9: returns the exit value the process ended with. */
    int killHard() throws InterruptedException {
        // On Linux, destroyForcibly() is kill(pid, SIGKILL); the exit value (137) proves it was not a SIGTERM
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("server process " + process.pid() + " did not die after SIGKILL");
        }
        return process.exitValue();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The last lines of the current process's output, for assertion messages. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String stream : List.of("out", "err")) {
            try {
                List<String> lines = Files.readAllLines(log(stream), StandardCharsets.UTF_8);
                tail.append("\n--- ").append(log(stream).getFileName()).append(" (last lines) ---\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> tail.append(l).append('\n'));
            } catch (IOException e) {
                tail.append("\n(no ").append(stream).append(" log: ").append(e.getMessage()).append(")");
            }
        }
        return tail.toString();
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(2))
                .GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server process exited with " + process.exitValue() + " while starting"
                        + logTail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server not healthy within " + START_PATIENCE.toSeconds() + " s" + logTail());
    }

    private Path log(String stream) {
        return dir.resolve("server-" + starts + "." + stream + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
