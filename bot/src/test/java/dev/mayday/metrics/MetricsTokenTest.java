package dev.mayday.metrics;

import dev.mayday.Config;
import dev.mayday.MaydayApp;
import dev.mayday.MetricsConfig;
import dev.mayday.sandbox.fake.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code METRICS_TOKEN} set, {@code /metrics} answers only a scrape that carries it as a bearer token. */
class MetricsTokenTest {

    private static final String TOKEN = "scrape-token-not-real-0123456789";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private MaydayApp app;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        Config config = new Config("xoxb-test-token-not-real", "test-signing-secret-not-real", slack.apiUrl(),
                "jdbc:sqlite:" + dir.resolve("mayday.db"), 0, Optional.empty(), ZoneId.of("UTC"))
                .withMetrics(new MetricsConfig(Optional.of(TOKEN)));
        app = MaydayApp.start(config, Clock.systemUTC(), "127.0.0.1");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    void metrics_withoutTheToken_is401AndShowsNoMetric() throws Exception {
        HttpResponse<String> answer = scrape(null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.body()).contains("METRICS_TOKEN").doesNotContain("jvm_").doesNotContain("mayday_");
    }

    @Test
    void metrics_withAnotherToken_orTheTokenUnderAnotherScheme_is401() throws Exception {
        assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
        assertThat(scrape("Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(scrape(TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void metrics_withTheToken_answersAndCountsTheRefusals() throws Exception {
        scrape(null);
        scrape("Bearer wrong");

        HttpResponse<String> answer = scrape("Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("mayday_http_requests_total{route=\"/metrics\",status=\"401\"} 2.0");
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
