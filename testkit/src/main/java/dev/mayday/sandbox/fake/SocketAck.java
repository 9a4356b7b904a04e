package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/** An acknowledgement the app sent over a socket: the envelope it acknowledges and the payload it carried, if any. */
public record SocketAck(String envelopeId, Optional<JsonNode> payload, int connection, Instant at) {

    /** The text the payload shows the person ({@code payload.text}), or empty. */
    public String text() {
        return payload.map(p -> p.path("text").asText("")).orElse("");
    }
}
