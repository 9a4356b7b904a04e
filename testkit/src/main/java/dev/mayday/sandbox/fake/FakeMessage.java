package dev.mayday.sandbox.fake;

/**
 * A message as it currently stands in a channel. chat.update swaps in a new record with the same ts,
 * so tests see the latest content where the original message was.
 */
public record FakeMessage(
        String channel,
        String ts,
        String text,
        String blocksJson,
        String metadataJson,
        String user,
        String threadTs) {

    public boolean hasBlocks() {
        return blocksJson != null && !blocksJson.isBlank();
    }
}
