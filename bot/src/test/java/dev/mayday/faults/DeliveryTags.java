package dev.mayday.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.sandbox.fake.FakeMessage;

import java.io.IOException;
import java.util.Optional;

/**
 * The delivery tag Mayday puts in a post's metadata ({@code card-7}, {@code announcement-7}, {@code change-42}), read
 * back from what the fake Slack holds.
 */
final class DeliveryTags {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryTags() {
    }

    static Optional<String> of(FakeMessage message) {
        if (message.metadataJson() == null) {
            return Optional.empty();
        }
        try {
            JsonNode metadata = JSON.readTree(message.metadataJson());
            if (!"mayday_delivery".equals(metadata.path("event_type").asText())) {
                return Optional.empty();
            }
            JsonNode tag = metadata.path("event_payload").path("delivery");
            return tag.isTextual() ? Optional.of(tag.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
