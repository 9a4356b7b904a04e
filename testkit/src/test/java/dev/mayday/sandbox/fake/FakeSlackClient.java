package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a fake Slack over HTTP as the SDK does (form posts with a bearer token), for the fake's own tests. */
final class FakeSlackClient {

    static final String TOKEN = "xoxb-test-token";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack;

    FakeSlackClient(FakeSlack slack) {
        this.slack = slack;
    }

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }
    }

    Reply form(String method, Map<String, String> params) throws IOException, InterruptedException {
        return new Reply(HTTP.send(formRequest(method, params), HttpResponse.BodyHandlers.ofString()));
    }

    String error(String method, Map<String, String> params) throws IOException, InterruptedException {
        JsonNode body = form(method, params).json();
        assertThat(body.path("ok").asBoolean()).as("%s should fail", method).isFalse();
        return body.path("error").asText();
    }

    HttpRequest formRequest(String method, Map<String, String> params) {
        String body = new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        URI uri = URI.create(slack.apiUrl().replace("/api/", path));
        return new Reply(HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
