package dev.mayday.postmortem;

import java.util.Optional;

/**
 * Finds the link to a message of the incident channel, so a shortened message can point at the original. Supplied by
 * the caller (the Slack adapter builds permalinks); the draft never asks Slack itself.
 */
@FunctionalInterface
public interface Permalinks {

    Optional<String> link(String channelId, String messageTs);

    static Permalinks none() {
        return (channelId, messageTs) -> Optional.empty();
    }
}
