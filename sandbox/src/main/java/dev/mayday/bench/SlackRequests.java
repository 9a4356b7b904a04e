package dev.mayday.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.SlackRequestSigner;
import dev.mayday.sandbox.SlackSimulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slack's requests to one server as ready-to-write bytes, signed when built: slash commands and Events API
 * callbacks shaped by the sandbox's {@link SlackSimulator}, so the load carries exactly what Slack would send. Slack
 * accepts a signature for five minutes, longer than any phase runs.
 */
final class SlackRequests {

    private static final String PATH = "/slack/events";

    private final String authority;
    private final SlackRequestSigner signer;
    private final SlackSimulator shapes;

    SlackRequests(URI endpoint, String signingSecret, SlackSimulator.ResponseUrls responseUrls) {
        this.authority = endpoint.getHost() + ":" + endpoint.getPort();
        this.signer = new SlackRequestSigner(signingSecret);
        this.shapes = new SlackSimulator(endpoint, signingSecret, responseUrls);
    }

    /** {@code /incident <text>} from {@code user} in {@code channel}, under a trigger id of its own. */
    byte[] command(String user, String channel, String text, String triggerId) {
        String body = SlackSimulator.formEncode(shapes.commandForm(user, channel, text, triggerId));
        return signed("application/x-www-form-urlencoded", body);
    }

    /** A channel message by {@code user}, delivered as the event {@code eventId}. */
    byte[] message(String user, String channel, String ts, String text, String eventId) {
        ObjectNode event = shapes.message(user, channel, ts, text);
        return signed("application/json", shapes.eventCallback(event, eventId));
    }

    private byte[] signed(String contentType, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(SlackRequestSigner.TIMESTAMP_HEADER, timestamp);
        headers.put(SlackRequestSigner.SIGNATURE_HEADER, signer.sign(timestamp, body));
        return RequestBytes.post(authority, PATH, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
