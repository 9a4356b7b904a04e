package dev.mayday.faults;

import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeSlack;

import java.util.ArrayList;
import java.util.List;

/**
 * The incident channels people can talk in: those whose incident card is up. Mayday records a channel before it
 * posts the card there, so a channel with a card belongs to an incident in the store whatever was killed since.
 * Read from the fake Slack at most every {@link #REFRESH_MILLIS}.
 */
final class ReadyChannels {

    private static final long REFRESH_MILLIS = 100;

    private final FakeSlack slack;
    private volatile List<String> ready = List.of();
    private volatile long readAt;

    ReadyChannels(FakeSlack slack) {
        this.slack = slack;
    }

    /** Up to {@code limit} ready channels, the newest incidents' first. */
    List<String> newest(int limit) {
        long now = System.currentTimeMillis();
        if (now - readAt >= REFRESH_MILLIS) {
            synchronized (this) {
                if (now - readAt >= REFRESH_MILLIS) {
                    ready = read();
                    readAt = now;
                }
            }
        }
        List<String> all = ready;
        return all.subList(0, Math.min(limit, all.size()));
    }

    private List<String> read() {
        List<String> found = new ArrayList<>();
        List<FakeChannel> channels = new ArrayList<>(slack.channels());
        for (int i = channels.size() - 1; i >= 0; i--) {
            FakeChannel channel = channels.get(i);
            boolean ours = channel.creator().equals(slack.botUserId()) && channel.name().startsWith("inc-");
            if (ours && slack.messages(channel.id()).stream()
                    .anyMatch(m -> DeliveryTags.of(m).filter(tag -> tag.startsWith("card-")).isPresent())) {
                found.add(channel.id());
            }
        }
        return List.copyOf(found);
    }
}
