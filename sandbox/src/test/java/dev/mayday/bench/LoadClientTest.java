package dev.mayday.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The load client against a tiny local server whose answers arrive in pieces; no timing is asserted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed check
class LoadClientTest {

    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void contentLengthAnswers_inSmallPieces_areReadWholeOnKeptConnections() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> ScriptedHttpServer.Answer.of(
                "HTTP/1.1 200 OK\r\nContent-Length: " + (body.length() + 5) + "\r\n\r\necho " + body, 3, false))) {
            LoadResult result = new LoadClient(server.address()).run(new Plan(requests(server, 40), 4, CAP,
                    (status, body) -> status == 200 && text(body).matches("echo request \\d+")));

            assertThat(result.count()).isEqualTo(40);
            assertThat(result.errors()).as(result.firstFailure()).isZero();
            assertThat(server.connections()).isEqualTo(4);
            assertThat(result.sortedNanos()).hasSize(40).isSorted();
            assertThat(result.clientCpuShare()).isPositive();
        }
    }

    @Test
    void chunkedAnswers_splitInsideSizesAndData_areJoined() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nack \r\n7;x=y\r\nchunked\r\n0\r\n\r\n";
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> ScriptedHttpServer.Answer.of(chunked, 2,
                false))) {
            LoadResult result = new LoadClient(server.address()).run(new Plan(requests(server, 12), 3, CAP,
                    (status, body) -> text(body).equals("ack chunked")));

            assertThat(result.count()).isEqualTo(12);
            assertThat(result.errors()).as(result.firstFailure()).isZero();
        }
    }

    @Test
    void serverClosingAfterEachAnswer_theClientReconnects() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> ScriptedHttpServer.Answer.of(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 5, true))) {
            LoadResult result = new LoadClient(server.address()).run(new Plan(requests(server, 10), 1, CAP));

            assertThat(result.count()).isEqualTo(10);
            assertThat(result.errors()).as(result.firstFailure()).isZero();
            assertThat(server.connections()).isEqualTo(10);
        }
    }

    @Test
    void answerEndingWithTheConnection_isReadToTheClose() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> ScriptedHttpServer.Answer.of(
                "HTTP/1.1 200 OK\r\n\r\nthe whole body", 4, true))) {
            LoadResult result = new LoadClient(server.address()).run(new Plan(requests(server, 6), 2, CAP,
                    (status, body) -> text(body).equals("the whole body")));

            assertThat(result.count()).isEqualTo(6);
            assertThat(result.errors()).as(result.firstFailure()).isZero();
        }
    }

    @Test
    void a200TheVerdictRejects_andAHangUp_areCountedAsFailures() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> n % 2 == 0
                ? ScriptedHttpServer.Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n:x: refused", 64, false)
                : ScriptedHttpServer.Answer.hangUp())) {
            LoadResult result = new LoadClient(server.address()).run(new Plan(requests(server, 8), 2, CAP,
                    CommandMix.acked()));

            assertThat(result.count()).isEqualTo(8);
            assertThat(result.errors()).isEqualTo(8);
            assertThat(result.firstFailure()).satisfiesAnyOf(
                    first -> assertThat(first).contains(":x: refused"),
                    first -> assertThat(first).contains("closed the connection"));
        }
    }

    @Test
    void aPlanLongerThanItsCap_stopsAtTheCap() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> ScriptedHttpServer.Answer.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 64, false))) {
            List<byte[]> many = Collections.nCopies(1_000_000, requests(server, 1).get(0));
            LoadResult result = new LoadClient(server.address()).run(new Plan(many, 2, Duration.ofMillis(300)));

            assertThat(result.count()).isPositive().isLessThan(1_000_000);
            assertThat(result.errors()).isZero();
        }
    }

    @Test
    void eachConnection_sendsItsShareOfThePlanInOrder() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ScriptedHttpServer server = new ScriptedHttpServer((n, body) -> {
            seen.add(body);
            return ScriptedHttpServer.Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 64, false);
        })) {
            new LoadClient(server.address()).run(new Plan(requests(server, 9), 3, CAP));

            assertThat(seen).hasSize(9);
            for (int c = 0; c < 3; c++) {
                int connection = c;
                assertThat(seen).filteredOn(body -> number(body) % 3 == connection)
                        .extracting(LoadClientTest::number).isSorted();
            }
        }
    }

    private static List<byte[]> requests(ScriptedHttpServer server, int count) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(RequestBytes.post("127.0.0.1:" + server.address().getPort(), "/load",
                    Map.of("Content-Type", "text/plain"), ("request " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return requests;
    }

    private static int number(String body) {
        return Integer.parseInt(body.substring("request ".length()));
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
