package dev.mayday.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A flight recording of the server under test, started and dumped with {@code jcmd} around one phase, so the profile
 * holds that phase and nothing of the start-up or the other phases. JFR's {@code profile} settings sample every
 * thread's stack every 10 ms (20 ms in the default settings).
 */
final class ServerProfile {

    private static final String NAME = "mayday-bench";

    private final long pid;
    private final Path file;

    private ServerProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static ServerProfile start(long pid, Path file) throws IOException, InterruptedException {
        ServerProfile profile = new ServerProfile(pid, file);
        profile.jcmd("JFR.start", "name=" + NAME, "settings=profile");
        return profile;
    }

    /** Ends the recording and answers the file it was written to. */
    Path stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return file;
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
