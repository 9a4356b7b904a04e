package dev.mayday.incident;

import java.util.Optional;

/**
 * Where an incident lives in the chat, as opaque ids: the channel it was declared from, its own channel (null until
 * it is set up), the card pinned there and the announcement. No chat types: the adapter gives these their meaning.
 */
public record IncidentPlace(String originChannel, String channelId, String channelName, String cardTs,
                            String announcementTs) {

    public static IncidentPlace declaredFrom(String originChannel) {
        return new IncidentPlace(originChannel, null, null, null, null);
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channelId);
    }

    public Optional<String> card() {
        return Optional.ofNullable(cardTs);
    }

    public Optional<String> announcement() {
        return Optional.ofNullable(announcementTs);
    }
}
