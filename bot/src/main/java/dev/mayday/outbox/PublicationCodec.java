package dev.mayday.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * Publications to and from the outbox's {@code type} and {@code payload} columns: the record's simple name and its
 * JSON. The names are read from the sealed hierarchy itself, so a new record type needs no entry here.
 */
final class PublicationCodec {

    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Class<? extends Publication>> types = new HashMap<>();

    PublicationCodec() {
        for (Class<?> type : Publication.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), type.asSubclass(Publication.class));
        }
    }

    String typeOf(Publication publication) {
        return publication.getClass().getSimpleName();
    }

    String payloadOf(Publication publication) {
        try {
            return json.writeValueAsString(publication);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + publication, e);
        }
    }

    /** The publication a row holds; an unknown type (a row written by a newer version) is an error. */
    Publication read(String type, String payload) {
        Class<? extends Publication> recordType = types.get(type);
        if (recordType == null) {
            throw new IllegalArgumentException("unknown publication type " + type);
        }
        try {
            return json.readValue(payload, recordType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type + " payload", e);
        }
    }
}
