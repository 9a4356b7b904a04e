package dev.mayday.slack.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands a Socket Mode envelope to the Bolt app, as {@code BoltJavalinAdapter} does an HTTP request, and acknowledges
 * it with the app's answer only once the app has answered: whatever the handler stores is stored before Slack hears
 * back, exactly as over HTTP. An answer Slack should not take as final (a 5xx, the same envelope still being
 * handled) is left unacknowledged, so Slack delivers the envelope again; a 4xx is the envelope's own fault and is
 * acknowledged, since a redelivery would fail the same way.
 */
public final class EnvelopeHandler implements AutoCloseable {

    /** Envelopes handled at once; one more is left unacknowledged for Slack to deliver again. */
    static final int MAX_AT_ONCE = 64;

    private static final Logger log = LoggerFactory.getLogger(EnvelopeHandler.class);

    private final App app;
    private final SocketModeRequestParser parser;
    private final ObjectMapper json;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(0, MAX_AT_ONCE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
        Thread thread = new Thread(r, "mayday-socket-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public EnvelopeHandler(App app, ObjectMapper json) {
        this.app = app;
        this.parser = new SocketModeRequestParser(app.config());
        this.json = json;
    }

    /** Handles {@code message} off the socket's thread; {@code acknowledge} sends the acknowledgement back. */
    void handle(String message, Consumer<String> acknowledge) {
        try {
            workers.execute(() -> run(message, acknowledge));
        } catch (RejectedExecutionException busy) {
            log.warn("Left a Socket Mode envelope unacknowledged: {} are being handled already (Slack delivers it again)",
                    MAX_AT_ONCE);
        }
    }

    private void run(String message, Consumer<String> acknowledge) {
        SocketModeRequest request;
        try {
            request = parser.parse(message);
        } catch (RuntimeException malformed) {
            log.warn("Ignored a Socket Mode message that is not an envelope: {}", malformed.toString());
            return;
        }
        if (request == null || request.getBoltRequest() == null) {
            return;
        }
        String envelopeId = request.getEnvelope().getEnvelopeId();
        Response response;
        try {
            // what a handler lets escape is answered by the app's error handler (HandlerErrors); a store failure is not
            response = app.run(request.getBoltRequest());
        } catch (Exception e) {
            log.warn("Left envelope {} unacknowledged, Slack delivers it again: {}", envelopeId, e.toString());
            return;
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status == 409 || status >= 500) {
            log.info("Left envelope {} unacknowledged ({}), Slack delivers it again", envelopeId, status);
            return;
        }
        acknowledge.accept(status < 300 ? ack(envelopeId, response) : json.createObjectNode()
                .put("envelope_id", envelopeId).toString());
    }

    /** {@code {"envelope_id", "payload"}}: the payload is what an HTTP answer's body would have been. */
    private String ack(String envelopeId, Response response) {
        ObjectNode ack = json.createObjectNode().put("envelope_id", envelopeId);
        String body = response.getBody();
        if (body != null && !body.isBlank()) {
            String type = response.getContentType() == null ? "" : response.getContentType();
            try {
                if (type.startsWith("application/json")) {
                    ack.set("payload", json.readTree(body));
                } else {
                    ack.putObject("payload").put("text", body);
                }
            } catch (IOException notJson) {
                ack.putObject("payload").put("text", body);
            }
        }
        return ack.toString();
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
