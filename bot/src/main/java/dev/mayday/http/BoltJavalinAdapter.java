package dev.mayday.http;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.mayday.slack.requests.RequestSignature;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a Javalin request to the Bolt app and writes Bolt's answer back. The body goes through byte for byte,
 * because the signature Bolt verifies covers the raw body. The request kind (command, event, interaction) is
 * read from the body, so one route serves them all. The signature is checked once per request: by the app's
 * middleware ({@code SignedRequests}) for a body Bolt can read, here for one it cannot.
 */
public final class BoltJavalinAdapter {

    private final App app;
    private final SlackRequestParser parser;
    private final RequestSignature signature;

    /** {@code signature} is the check the app's middleware makes, used here for bodies Bolt cannot parse. */
    public BoltJavalinAdapter(App app, RequestSignature signature) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
    }

    public void handle(Context ctx) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException malformed) {
            request = null;
        }
        if (request == null) {
            refuseUnreadable(ctx, body);
            return;
        }
        // what a handler lets escape is answered by the app's error handler (HandlerErrors); the rest by the server's
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.header(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            ctx.result(response.getBody());
        }
    }

    /** A body Bolt cannot read: unsigned is 401 like any unsigned request, signed but malformed is 400. */
    private void refuseUnreadable(Context ctx, String body) {
        var refusal = signature.refusal(ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
                ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE));
        if (refusal.isEmpty()) {
            ctx.status(400).json(Map.of("error", "malformed Slack request: the body is not a command, event or interaction payload"));
        } else {
            ctx.status(401).json(Map.of("error", refusal.get()));
        }
    }
}
