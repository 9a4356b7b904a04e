package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Slack's Socket Mode side, on a WebSocket server on 127.0.0.1: {@code apps.connections.open} hands out a one-use
 * address, a connection to it gets {@code hello}, then envelopes (slash commands, interactivity, events). An envelope
 * not acknowledged within {@link #ackTimeout(Duration) the ack timeout} is delivered again (up to 3 times, with
 * {@code retry_attempt} and {@code retry_reason: timeout}), as Slack does; {@link #refresh()} sends {@code disconnect}
 * ({@code refresh_requested}) and closes the old connections a little later; {@link #drop()} cuts them at once.
 */
public final class FakeSocketMode implements AutoCloseable {

    static final int MAX_RETRIES = 3;

    private final ObjectMapper json;
    private final Clock clock;
    private final Endpoint endpoint;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-slack-socket-timer");
        thread.setDaemon(true);
        return thread;
    });
    // guarded by this
    private final Set<String> tickets = new HashSet<>();
    private final Map<WebSocket, Integer> numbers = new LinkedHashMap<>();
    private final Map<WebSocket, Integer> ready = new LinkedHashMap<>();
    private final Set<WebSocket> retiring = new HashSet<>();
    private final Map<String, ObjectNode> envelopes = new LinkedHashMap<>();
    private final Set<String> unacked = new HashSet<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    private final List<SocketDelivery> deliveries = new ArrayList<>();
    private final List<SocketAck> acks = new ArrayList<>();
    private Consumer<SocketAck> onAck = ack -> { };
    private int connectionsOpened;
    private Duration ackTimeout = Duration.ofSeconds(3);
    private Duration closeAfterRefresh = Duration.ofSeconds(1);

    FakeSocketMode(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.endpoint = new Endpoint();
        endpoint.start();
        endpoint.awaitStart();
    }

    // --- scripting ---------------------------------------------------------------------------------

    /** How long an envelope may go unacknowledged before it is delivered again (Slack: a few seconds). */
    public synchronized void ackTimeout(Duration timeout) {
        ackTimeout = timeout;
    }

    /** How long a connection told to disconnect stays open (Slack: about 10 s). */
    public synchronized void closeAfterRefresh(Duration wait) {
        closeAfterRefresh = wait;
    }

    /** Runs {@code check} as each acknowledgement arrives, before anything else happens: to see what was true then. */
    public synchronized void onAcknowledgement(Consumer<SocketAck> check) {
        onAck = check;
    }

    /** A slash command: the form Slack would post over HTTP, as a JSON payload. Returns the envelope id. */
    public String command(Map<String, String> form) {
        ObjectNode payload = json.createObjectNode();
        form.forEach(payload::put);
        return deliver("slash_commands", payload, true);
    }

    /** A button, menu, form submission or shortcut payload. */
    public String interaction(JsonNode payload) {
        return deliver("interactive", payload, true);
    }

    /** An Events API callback ({@code {"type":"event_callback","event_id",…}}). */
    public String event(JsonNode callback) {
        return deliver("events_api", callback, false);
    }

    /** Sends an envelope on the newest ready connection, or as soon as one is ready. */
    public synchronized String deliver(String type, JsonNode payload, boolean acceptsResponsePayload) {
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", acceptsResponsePayload).put("retry_attempt", 0).put("retry_reason", "");
        envelope.set("payload", payload);
        envelopes.put(id, envelope);
        unacked.add(id);
        send(id);
        return id;
    }

    /** Delivers an envelope again as Slack does after a late acknowledgement, whether or not it was acknowledged. */
    public synchronized void redeliver(String envelopeId) {
        ObjectNode envelope = envelopes.get(envelopeId);
        if (envelope == null) {
            throw new IllegalArgumentException("no envelope " + envelopeId + " was sent");
        }
        envelope.put("retry_attempt", envelope.path("retry_attempt").asInt() + 1).put("retry_reason", "timeout");
        send(envelopeId);
    }

    /** {@code disconnect} with {@code refresh_requested} on every ready connection; each closes a little later. */
    public synchronized void refresh() {
        for (WebSocket connection : List.copyOf(ready.keySet())) {
            connection.send(json.createObjectNode().put("type", "disconnect").put("reason", "refresh_requested")
                    .set("debug_info", json.createObjectNode().put("host", "fake-slack")).toString());
            ready.remove(connection);
            retiring.add(connection);
            timer.schedule(() -> connection.close(CloseFrame.NORMAL, "refreshed"), closeAfterRefresh.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Cuts every connection without a close handshake, as a network failure would. */
    public synchronized void drop() {
        List<WebSocket> all = new ArrayList<>(ready.keySet());
        all.addAll(retiring);
        ready.clear();
        retiring.clear();
        all.forEach(connection -> connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped"));
    }

    // --- what happened -----------------------------------------------------------------------------

    public synchronized List<SocketDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized List<SocketDelivery> deliveries(String envelopeId) {
        return deliveries.stream().filter(delivery -> delivery.envelopeId().equals(envelopeId)).toList();
    }

    public synchronized List<SocketAck> acks() {
        return List.copyOf(acks);
    }

    public synchronized List<SocketAck> acks(String envelopeId) {
        return acks.stream().filter(ack -> ack.envelopeId().equals(envelopeId)).toList();
    }

    /** Connections that got {@code hello}, ever. */
    public synchronized int connectionsOpened() {
        return connectionsOpened;
    }

    /** Connections open now and not told to disconnect. */
    public synchronized int readyConnections() {
        return ready.size();
    }

    // --- the Web API side --------------------------------------------------------------------------

    /** A new one-use address, as {@code apps.connections.open} answers. */
    synchronized String newAddress() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + endpoint.getPort() + "/link/?ticket=" + ticket;
    }

    private void send(String envelopeId) {
        ObjectNode envelope = envelopes.get(envelopeId);
        Optional<Map.Entry<WebSocket, Integer>> newest = ready.entrySet().stream().reduce((a, b) -> b);
        if (newest.isEmpty()) {
            waiting.add(envelopeId);
            return;
        }
        newest.get().getKey().send(envelope.toString());
        int attempt = envelope.path("retry_attempt").asInt();
        deliveries.add(new SocketDelivery(envelopeId, envelope.path("type").asText(), attempt, newest.get().getValue()));
        timer.schedule(() -> timedOut(envelopeId, attempt), ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void timedOut(String envelopeId, int attempt) {
        ObjectNode envelope = envelopes.get(envelopeId);
        if (unacked.contains(envelopeId) && envelope.path("retry_attempt").asInt() == attempt && attempt < MAX_RETRIES) {
            redeliver(envelopeId);
        }
    }

    private synchronized void opened(WebSocket connection, String resource) {
        String ticket = resource.substring(resource.indexOf("ticket=") + "ticket=".length());
        if (!resource.contains("ticket=") || !tickets.remove(ticket)) {
            connection.close(CloseFrame.POLICY_VALIDATION, "invalid or used ticket");
            return;
        }
        int number = ++connectionsOpened;
        ObjectNode hello = json.createObjectNode().put("type", "hello").put("num_connections", ready.size() + 1);
        hello.putObject("connection_info").put("app_id", "AMAYDAY");
        hello.putObject("debug_info").put("host", "fake-slack").put("approximate_connection_time", 18_060);
        connection.send(hello.toString());
        ready.put(connection, number);
        numbers.put(connection, number);
        while (!waiting.isEmpty()) {
            send(waiting.poll());
        }
    }

    private synchronized void received(WebSocket connection, String message) {
        JsonNode ack;
        try {
            ack = json.readTree(message);
        } catch (IOException e) {
            return;
        }
        String id = ack.path("envelope_id").asText("");
        SocketAck received = new SocketAck(id, Optional.ofNullable(ack.get("payload")),
                numbers.getOrDefault(connection, 0), clock.instant());
        onAck.accept(received);
        acks.add(received);
        unacked.remove(id);
    }

    private synchronized void closed(WebSocket connection) {
        ready.remove(connection);
        retiring.remove(connection);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            endpoint.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Endpoint extends WebSocketServer {

        private final CountDownLatch started = new CountDownLatch(1);

        Endpoint() {
            super(new InetSocketAddress("127.0.0.1", 0), 1);
            setDaemon(true);
            setReuseAddr(true);
        }

        void awaitStart() {
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the fake Slack's socket server did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            opened(connection, handshake.getResourceDescriptor());
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            received(connection, message);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            closed(connection);
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            // a connection's failure shows up as its close; the server's own would fail awaitStart
        }
    }
}
