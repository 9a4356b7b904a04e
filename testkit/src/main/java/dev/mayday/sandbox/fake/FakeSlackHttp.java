package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.mayday.sandbox.LoopbackServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fake Slack's HTTP side: routes a request to its method, records it, and plays a scripted answer (a delay, a
 * dropped connection, an error after acting) in place of, or around, the method's normal behaviour.
 */
final class FakeSlackHttp {

    static final String API = "/api/";
    static final String RESPOND = "/respond/";
    static final String UPLOAD = "/upload/";

    private final FakeSlackState state;
    private final CallLog calls;
    private final Transcript transcript;
    private final ObjectMapper json;
    private volatile FakeSlackMethods methods;

    FakeSlackHttp(FakeSlackState state, CallLog calls, Transcript transcript, ObjectMapper json) {
        this.state = state;
        this.calls = calls;
        this.transcript = transcript;
        this.json = json;
    }

    /** The methods need the server's address, known only once it listens; no request arrives before that. */
    void serveMethods(FakeSlackMethods methods) {
        this.methods = methods;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith(API) && path.length() > API.length()) {
                String method = decode(path.substring(API.length()));
                handleParsed(exchange, method, body, Map.of(), FakeSlackMethods.CONNECTIONS_OPEN.equals(method)
                        ? params -> methods.connectionsOpen(authorization(exchange, params))
                        : params -> methods.call(method, params, authorization(exchange, params)));
            } else if (path.startsWith(RESPOND) && path.length() > RESPOND.length()) {
                String id = decode(path.substring(RESPOND.length()));
                handleParsed(exchange, "response_url", body, Map.of("id", id),
                        params -> methods.respond(id, params));
            } else if (path.startsWith(UPLOAD) && path.length() > UPLOAD.length()) {
                String fileId = decode(path.substring(UPLOAD.length()));
                Map<String, String> params = Map.of("file_id", fileId, "length", Integer.toString(body.length));
                serve(exchange, "file_upload", params, () -> methods.upload(fileId, body));
            } else {
                send(exchange, FakeReply.text(404, "fake slack: no such endpoint " + path));
            }
        } catch (RuntimeException e) {
            // A bug in the fake should fail the caller loudly rather than hang it.
            transcript.failure("fake slack internal error: " + e);
            trySend(exchange, FakeReply.text(500, "fake slack internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    /** Parses the body; an unreadable body is still recorded, and answered as Slack would. */
    private void handleParsed(HttpExchange exchange, String method, byte[] body,
                              Map<String, String> extra, Function<Map<String, String>, FakeReply> behaviour)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        boolean readable = true;
        try {
            params.putAll(RequestParams.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, json));
        } catch (IllegalArgumentException e) {
            readable = false;
        }
        params.putAll(extra);
        Supplier<FakeReply> normal = readable ? () -> behaviour.apply(params) : () -> methods.unreadable(method);
        serve(exchange, method, params, normal);
    }

    private void serve(HttpExchange exchange, String method, Map<String, String> params,
                       Supplier<FakeReply> normal) throws IOException {
        SlackCall call = new SlackCall(method, params, authorization(exchange, params), state.now());
        FakeAnswer scripted = calls.record(call);
        if (scripted != null) {
            switch (scripted.kind()) {
                case DELAYED -> {
                    if (!pause(scripted)) {
                        return;
                    }
                }
                case ACTED_THEN_FAILED -> {
                    normal.get();
                    send(exchange, methods.scripted(method, new FakeAnswer(FakeAnswer.Kind.HTTP_ERROR,
                            scripted.status(), null, 0, null)));
                    return;
                }
                case ANSWERED_LATE -> {
                    FakeReply reply = normal.get();
                    if (pause(scripted)) {
                        send(exchange, reply);
                    }
                    return;
                }
                case DROP_CONNECTION -> {
                    // Closing the exchange before any headers are sent makes the server drop the connection.
                    methods.connectionDropped(method);
                    return;
                }
                default -> {
                    send(exchange, methods.scripted(method, scripted));
                    return;
                }
            }
        }
        send(exchange, normal.get());
    }

    /** @return false if the fake is shutting down, in which case nobody is waiting for a reply */
    private static boolean pause(FakeAnswer answer) {
        try {
            Thread.sleep(answer.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The SDK sends a Bearer header; older clients put the token in the body instead. */
    private static String authorization(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null && params.containsKey("token")) {
            return "Bearer " + params.get("token");
        }
        return header;
    }

    private static void send(HttpExchange exchange, FakeReply reply) throws IOException {
        LoopbackServer.send(exchange, reply.status(), withContentType(reply), reply.body());
    }

    private static void trySend(HttpExchange exchange, FakeReply reply) {
        LoopbackServer.trySend(exchange, reply.status(), withContentType(reply), reply.body());
    }

    private static Map<String, String> withContentType(FakeReply reply) {
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("Content-Type", reply.contentType());
        return headers;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
