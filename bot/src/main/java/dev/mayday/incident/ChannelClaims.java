package dev.mayday.incident;

/**
 * Who may ask Slack for a channel name: the owner (an incident, a pre-mortem) claims it in the store, committed,
 * before {@code conversations.create} is called with it, and the first claim wins (see {@link ChannelNameClaims}).
 */
public interface ChannelClaims {

    /** What owner {@code ownerId} may do with {@code name}. */
    ChannelNameClaims.Claim claim(long ownerId, String name, boolean isPrivate);

    /** Slack holds {@code name} for a channel this owner must not use; later attempts skip it without asking. */
    void takenElsewhere(String name);
}
