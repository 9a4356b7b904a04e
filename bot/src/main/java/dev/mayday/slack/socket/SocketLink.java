package dev.mayday.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * One WebSocket connection to Slack's Socket Mode. It only sorts what arrives: {@code hello} (the connection is
 * ready), {@code disconnect} (Slack asks for a new connection, this one closes soon) and envelopes, each handed on
 * together with the link it came on, so that its acknowledgement can go back the same way.
 */
final class SocketLink extends WebSocketClient {

    /** What the links report to; called on the link's own thread. */
    interface Listener {
        void hello(SocketLink link);

        void disconnectRequested(SocketLink link, String reason);

        void envelope(SocketLink link, String message);

        void closed(SocketLink link, String reason);
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** A connection that answers no ping for this long is dead, even if no close ever arrives. */
    private static final int LOST_AFTER_SECONDS = 30;

    private final Listener listener;
    private final ObjectMapper json;
    private volatile boolean helloSeen;

    SocketLink(URI address, Listener listener, ObjectMapper json) {
        super(address, new Draft_6455(), Map.of(), CONNECT_TIMEOUT_MILLIS);
        this.listener = listener;
        this.json = json;
        setConnectionLostTimeout(LOST_AFTER_SECONDS);
        setDaemon(true);
    }

    /** Open, and Slack said hello on it: envelopes can come. */
    boolean ready() {
        return helloSeen && isOpen();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // Slack sends hello next; only then is the connection ready
    }

    @Override
    public void onMessage(String message) {
        String type;
        try {
            JsonNode parsed = json.readTree(message);
            type = parsed.path("type").asText("");
            if ("disconnect".equals(type)) {
                listener.disconnectRequested(this, parsed.path("reason").asText("unknown"));
                return;
            }
        } catch (IOException notJson) {
            return;
        }
        if ("hello".equals(type)) {
            helloSeen = true;
            listener.hello(this);
        } else {
            listener.envelope(this, message);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        helloSeen = false;
        listener.closed(this, "socket closed (" + code + (reason == null || reason.isBlank() ? "" : ": " + reason) + ")");
    }

    @Override
    public void onError(Exception e) {
        // followed by onClose, which reports it; the exception itself says nothing a person can act on
    }
}
