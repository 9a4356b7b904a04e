package dev.mayday.cli;

import dev.mayday.Main;
import dev.mayday.sandbox.fake.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code serve} that cannot start says why in one line naming the setting to change, exit status 2, and prints a stack
 * trace only with {@code --debug}. A start that succeeded by mistake would run until stopped: the bound makes such a
 * test fail instead of hang.
 */
class ServeStartFailureTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private FakeSlack slack;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void environment() {
        slack = FakeSlack.start();
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token-not-real");
        env.put("SLACK_SIGNING_SECRET", "test-signing-secret-not-real");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("mayday.db"));
    }

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    private record Result(int exit, String err) {
        List<String> lines() {
            return err.lines().toList();
        }
    }

    private Result serve(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "serve";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = assertTimeoutPreemptively(BOUND, () -> Main.run(args, List.of(), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return new Result(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTakenPort_isOneLineNamingPORT_exit2_andTheStoreIsReleased() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            env.put("PORT", String.valueOf(taken.getLocalPort()));

            Result result = serve();

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.lines()).singleElement().asString()
                    .startsWith("mayday serve: Mayday could not start: cannot listen on port " + taken.getLocalPort()
                            + " (PORT)");
        }
        assertThat(dir.resolve("mayday.db.lock")).exists();
        try (var lock = dev.mayday.db.backup.StoreLock.tryAcquire(dir.resolve("mayday.db")).orElseThrow()) {
            assertThat(lock).as("the failed start let go of the store").isNotNull();
        }
    }

    @Test
    void aTakenPort_withDebug_addsTheStackTrace() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            env.put("PORT", String.valueOf(taken.getLocalPort()));

            Result result = serve("--debug");

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.lines().get(0)).contains("(PORT)");
            assertThat(result.err()).contains("\tat ");
        }
    }

    @Test
    void aStorePathUnderAFile_isOneLineNamingDATABASE_URL() throws IOException {
        Files.writeString(dir.resolve("a-file"), "");
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("a-file").resolve("mayday.db"));
        env.put("PORT", "0");

        Result result = serve();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).singleElement().asString()
                .contains("the store's directory " + dir.resolve("a-file") + " is not a directory (DATABASE_URL)");
    }

    @Test
    void aStoreInAMissingDirectory_orAFileThatIsNoStore_isOneLineNamingDATABASE_URL() throws IOException {
        env.put("PORT", "0");
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("missing").resolve("mayday.db"));
        Result missing = serve();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.lines()).singleElement().asString().contains("does not exist (DATABASE_URL)");

        Files.writeString(dir.resolve("notes.txt"), "these are not the rows you are looking for ".repeat(100));
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("notes.txt"));
        Result notAStore = serve();
        assertThat(notAStore.exit()).isEqualTo(2);
        assertThat(notAStore.lines()).singleElement().asString()
                .contains("cannot open the store " + dir.resolve("notes.txt") + " (DATABASE_URL)");
    }

    @Test
    void anUnsupportedDatabaseUrl_isOneLineNamingIt() {
        env.put("DATABASE_URL", "jdbc:mysql://127.0.0.1:3306/mayday");

        Result result = serve();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).singleElement().asString().startsWith("mayday serve: DATABASE_URL must be");
    }

    @Test
    void aPostgresServerThatDoesNotAnswer_isOneLineNamingDATABASE_URL_withoutItsPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        env.put("PORT", "0");
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/mayday?user=mayday&password=hunter2");

        Result result = serve();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).singleElement().asString().startsWith("mayday serve: Mayday could not start: "
                + "cannot open the store jdbc:postgresql://127.0.0.1:" + closedPort).contains("(DATABASE_URL)")
                .doesNotContain("hunter2");
    }

    @Test
    void aBadConfigValue_isOneLineNamingIt() {
        env.put("LEAD_HANDOFF_HOURS", "0");

        Result result = serve();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).singleElement().asString().startsWith("mayday serve: LEAD_HANDOFF_HOURS");
    }
}
