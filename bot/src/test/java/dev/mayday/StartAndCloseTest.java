package dev.mayday;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mayday.sandbox.fake.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that fails midway closes what it opened and says why in one line; a failing close is logged, not lost. */
class StartAndCloseTest {

    @TempDir
    Path dir;

    private FakeSlack slack;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger openedLog = (Logger) LoggerFactory.getLogger(Opened.class);

    @BeforeEach
    void startSlack() {
        slack = FakeSlack.start();
        logged.start();
        openedLog.addAppender(logged);
    }

    @AfterEach
    void stopSlack() {
        openedLog.detachAppender(logged);
        slack.close();
    }

    private Config config(int port) {
        return new Config("xoxb-test-token-not-real", "test-signing-secret-not-real", slack.apiUrl(),
                "jdbc:sqlite:" + dir.resolve("mayday.db"), port, Optional.empty(), ZoneId.of("UTC"));
    }

    @Test
    void start_onATakenPort_saysWhyInOneLine_andReleasesTheStore() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();

            assertThatThrownBy(() -> MaydayApp.start(config(port), Clock.systemUTC(), "127.0.0.1"))
                    .isInstanceOf(StartFailed.class)
                    .hasMessageStartingWith("Mayday could not start: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(String.valueOf(port)));
        }

        try (MaydayApp second = MaydayApp.start(config(port), Clock.systemUTC(), "127.0.0.1")) {
            assertThat(second.port()).isEqualTo(port);
        }
    }

    @Test
    void start_whileAnotherServerHoldsTheStore_isRefusedByName_andLeavesTheFirstRunning() {
        try (MaydayApp first = MaydayApp.start(config(0), Clock.systemUTC(), "127.0.0.1")) {
            assertThatThrownBy(() -> MaydayApp.start(config(0), Clock.systemUTC(), "127.0.0.1"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Another Mayday server is using");

            assertThat(first.database().isReachable()).isTrue();
        }
    }

    @Test
    void close_logsWhatFailsToClose_onOneWarnLine_andClosesTheRest() {
        List<String> closed = new ArrayList<>();
        Opened opened = new Opened();
        opened.add("the first part", () -> closed.add("first"));
        opened.add("the stuck part", () -> {
            throw new IllegalStateException("disk gone");
        });
        opened.add("the last part", () -> closed.add("last"));

        opened.close();

        assertThat(closed).containsExactly("last", "first");
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo(
                    "Could not close the stuck part: java.lang.IllegalStateException: disk gone");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void close_twice_closesOnce() {
        List<String> closed = new ArrayList<>();
        Opened opened = new Opened();
        opened.add("a part", () -> closed.add("closed"));

        opened.close();
        opened.close();

        assertThat(closed).containsExactly("closed");
    }
}
