package dev.mayday.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Owns the sandboxes a test starts, in place of a {@code @TempDir} and an {@code @AfterEach} that closes them: they
 * share a fresh temporary directory, and after the test (after its own {@code @AfterEach} methods) every one started
 * is closed, newest first, and the directory deleted.
 * <pre>
 * {@literal @}RegisterExtension
 * final SandboxExtension sandboxes = new SandboxExtension();
 * Sandbox sandbox;
 *
 * {@literal @}BeforeEach
 * void start() {
 *     sandbox = sandboxes.start(Sandbox::start);
 * }
 * </pre>
 */
public final class SandboxExtension implements AfterEachCallback {

    private final Deque<Sandbox> started = new ArrayDeque<>();
    private Path dir;

    /** Starts a sandbox in this test's directory (for example {@code dir -> Sandbox.startWithDigest(dir, "MON 09:00")}). */
    public Sandbox start(Function<Path, Sandbox> starter) {
        Sandbox sandbox = starter.apply(dir());
        started.push(sandbox);
        return sandbox;
    }

    /** This test's temporary directory, made on first use. */
    public Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("mayday-sandbox");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a temporary directory for the sandbox", e);
            }
        }
        return dir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            dir = null;
        }
    }
}
