package dev.mayday.sandbox.fake;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel in the fake workspace. Topic and membership change while the bot runs and tests read
 * them from other threads, hence the volatile field and the concurrent member set.
 */
public final class FakeChannel {

    private final String id;
    private final String name;
    private final boolean isPrivate;
    private final String creator;
    private final Instant createdAt;
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private volatile String topic = "";
    private volatile String topicSetBy = "";
    private volatile Instant topicSetAt;
    private volatile boolean archived;

    FakeChannel(String id, String name, boolean isPrivate, String creator, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.isPrivate = isPrivate;
        this.creator = Objects.requireNonNull(creator, "creator");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String id() { return id; }

    public String name() { return name; }

    public boolean isPrivate() { return isPrivate; }

    public String creator() { return creator; }

    public Instant createdAt() { return createdAt; }

    public String topic() { return topic; }

    public boolean isArchived() { return archived; }

    /** Live, thread-safe member ids; tests may add members to stage a scenario. */
    public Set<String> members() { return members; }

    String topicSetBy() { return topicSetBy; }

    Instant topicSetAt() { return topicSetAt; }

    void setTopic(String topic, String setBy, Instant at) {
        this.topic = topic == null ? "" : topic;
        this.topicSetBy = setBy;
        this.topicSetAt = at;
    }

    void archive() { archived = true; }

    @Override
    public String toString() {
        return "FakeChannel[" + id + " #" + name + (isPrivate ? " private" : "") + "]";
    }
}
