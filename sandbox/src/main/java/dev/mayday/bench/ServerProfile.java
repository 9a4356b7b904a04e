package dev.mayday.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A flight recording of the server under test, with {@code jcmd}: started before the warm-up, because JFR's first
 * start in a JVM costs seconds of CPU and leaves code to be compiled again (measured here: the first load level after
 * it ran at a fifth of its usual rate); then dumped for the span of one phase, so the file holds that phase alone. JFR's {@code profile} settings sample every
 * thread's stack every 10 ms (20 ms in the default settings) and record waits of 10 ms or more. They also switch on
 * JDBI's own event, which records every statement with its SQL, parameters and stack: measured here, that cut the
 * server's ingest rate several times over (it is written while the writer's turn is held), so it is switched off.
 */
final class ServerProfile {

    private static final String NAME = "mayday-bench";

    private final long pid;
    private final Path file;
    private Instant begin;

    private ServerProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts recording the JVM {@code pid}, to be written to {@code file}; its settings file is made in {@code dir}. */
    static ServerProfile start(long pid, Path file, Path dir) throws IOException, InterruptedException {
        ServerProfile profile = new ServerProfile(pid, file);
        profile.jcmd("JFR.start", "name=" + NAME, "settings=" + settings(dir).toAbsolutePath());
        return profile;
    }

    /** The JDK's {@code profile} settings with JDBI's statement event switched off. */
    private static Path settings(Path dir) throws IOException {
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        int end = profile.lastIndexOf("</configuration>");
        if (end < 0) {
            throw new IOException("the JDK's profile.jfc has no </configuration>");
        }
        String quieter = profile.substring(0, end)
                + "  <event name=\"jdbi.statement\"><setting name=\"enabled\">false</setting></event>\n"
                + profile.substring(end);
        return Files.writeString(dir.resolve("profile-without-jdbi-statements.jfc"), quieter);
    }

    /** Where the span to keep begins: the phase to profile starts now. */
    void begin() {
        begin = Instant.now();
    }

    /**
     * Writes what was recorded since {@link #begin()} to the file and ends the recording. JFR cuts a dump at its
     * chunks' edges, so the file can hold more than the span: the span comes with it, for the summary to keep to.
     */
    Span stop() throws IOException, InterruptedException {
        if (begin == null) {
            throw new IllegalStateException("begin() was not called");
        }
        Instant end = Instant.now();
        jcmd("JFR.dump", "name=" + NAME, "begin=" + begin, "end=" + end, "filename=" + file.toAbsolutePath());
        jcmd("JFR.stop", "name=" + NAME);
        return new Span(file, begin, end);
    }

    /** A recording file and the span of it that was asked for. */
    record Span(Path file, Instant begin, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(begin) && !at.isAfter(end);
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(String.valueOf(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0 || output.contains("Could not") || output.contains("Exception")) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
