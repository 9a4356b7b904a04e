package dev.mayday.sandbox.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the fake workspace holds: channels, messages, users, files, views. Every method synchronizes on this
 * object, and {@link FakeSlackMethods} holds the same lock for a whole API call, so a call's state change and its
 * transcript line land together even when the bot calls from several threads ({@link CallLog} and
 * {@link Transcript} take this object as their lock too).
 */
final class FakeSlackState {

    static final String BOT_USER_ID = "UMAYDAYBOT";
    static final String BOT_ID = "BMAYDAY";
    static final String TEAM_ID = "T0MAYDAY";

    /** An upload slot from files.getUploadURLExternal; bytes stay null until the client posts them. */
    record PendingFile(String id, String filename, long declaredLength, byte[] bytes) {
        boolean uploaded() { return bytes != null; }
    }

    private final Map<String, FakeChannel> channels = new LinkedHashMap<>();
    private final Map<String, Map<String, FakeMessage>> messages = new HashMap<>();
    private final Map<String, FakeUser> users = new LinkedHashMap<>();
    private final Map<String, List<String>> userGroups = new HashMap<>();
    private final Map<String, PendingFile> files = new HashMap<>();
    private final Map<String, String> responseLabels = new HashMap<>();
    private final Map<String, String> homes = new HashMap<>();
    private int channelSeq;
    private int viewSeq;
    private int fileSeq;
    private long tsSeconds;
    private int tsSeq;
    private final Clock clock;

    FakeSlackState(Clock clock) {
        this.clock = clock;
    }

    /** The fake's time: calls, channels, topics and message ts are stamped with it. */
    Instant now() {
        return clock.instant();
    }

    // --- channels ------------------------------------------------------------------------------

    synchronized FakeChannel createChannel(String name, boolean isPrivate, String creator) {
        if (channelByName(name).isPresent()) {
            throw new IllegalStateException("channel name already taken: " + name);
        }
        String id = String.format(Locale.ROOT, "%s%04d", isPrivate ? "G" : "C", ++channelSeq);
        FakeChannel channel = new FakeChannel(id, name, isPrivate, creator, now());
        channel.members().add(creator);
        channels.put(id, channel);
        return channel;
    }

    synchronized Optional<FakeChannel> channel(String id) {
        return Optional.ofNullable(id == null ? null : channels.get(id));
    }

    synchronized Optional<FakeChannel> channelByName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.startsWith("#") ? name.substring(1) : name;
        return channels.values().stream().filter(c -> c.name().equals(bare)).findFirst();
    }

    synchronized List<FakeChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** Slack accepts a channel id or a #name where a channel is expected; answers use the id. */
    synchronized String resolveChannel(String raw) {
        if (raw == null || channels.containsKey(raw)) {
            return raw;
        }
        return channelByName(raw).map(FakeChannel::id).orElse(raw);
    }

    /** True for anything the bot has posted to or that exists as a channel. */
    synchronized boolean knownConversation(String id) {
        return channels.containsKey(id) || messages.containsKey(id);
    }

    /** Where a message to conversation {@code id} shows: a channel, or a direct message when it is a user's id. */
    synchronized TranscriptLine.Surface surfaceOf(String id) {
        return id != null && !channels.containsKey(id) && (id.startsWith("U") || id.startsWith("W"))
                ? TranscriptLine.Surface.DIRECT_MESSAGE : TranscriptLine.Surface.CHANNEL;
    }

    /** The {@link TranscriptLine#where()} of conversation {@code id}: #name for a channel, the user's id for a DM. */
    synchronized String where(String id) {
        return surfaceOf(id) == TranscriptLine.Surface.DIRECT_MESSAGE ? id : display(id);
    }

    /** How a conversation reads in the transcript: #name when known, DMs as the user, else the raw id. */
    synchronized String display(String id) {
        if (id == null) {
            return "(no channel)";
        }
        FakeChannel channel = channels.get(id);
        if (channel != null) {
            return "#" + channel.name();
        }
        if (id.startsWith("U") || id.startsWith("W")) {
            return "DM <@" + id + ">";
        }
        return id;
    }

    // --- messages ------------------------------------------------------------------------------

    /**
     * "epochSeconds.counter" that never goes backwards: the counter always grows and the seconds
     * never fall behind the previous ts, so ts strings sort the way Slack's do.
     */
    synchronized String nextTs() {
        tsSeconds = Math.max(tsSeconds, now().getEpochSecond());
        if (++tsSeq > 999_999) {
            tsSeconds++;
            tsSeq = 1;
        }
        return String.format(Locale.ROOT, "%d.%06d", tsSeconds, tsSeq);
    }

    synchronized void putMessage(FakeMessage message) {
        messages.computeIfAbsent(message.channel(), c -> new LinkedHashMap<>()).put(message.ts(), message);
    }

    synchronized Optional<FakeMessage> message(String channel, String ts) {
        Map<String, FakeMessage> inChannel = messages.get(channel);
        return Optional.ofNullable(inChannel == null ? null : inChannel.get(ts));
    }

    synchronized List<FakeMessage> messages(String channel) {
        Map<String, FakeMessage> inChannel = messages.get(channel);
        return inChannel == null ? List.of() : List.copyOf(inChannel.values());
    }

    // --- users ---------------------------------------------------------------------------------

    synchronized void addUser(FakeUser user) {
        users.put(user.id(), user);
    }

    synchronized Optional<FakeUser> user(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }

    synchronized Optional<FakeUser> userByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return users.values().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email.strip()))
                .findFirst();
    }

    synchronized void setUserGroup(String id, List<String> members) {
        userGroups.put(id, List.copyOf(members));
    }

    synchronized Optional<List<String>> userGroup(String id) {
        return Optional.ofNullable(id == null ? null : userGroups.get(id));
    }

    // --- files, views, response urls ------------------------------------------------------------

    synchronized PendingFile newFile(String filename, long declaredLength) {
        String id = String.format(Locale.ROOT, "F%04d", ++fileSeq);
        PendingFile file = new PendingFile(id, filename, declaredLength, null);
        files.put(id, file);
        return file;
    }

    /** Removes an uploaded file; false when there is none with that id. */
    synchronized boolean deleteFile(String id) {
        return files.remove(id) != null;
    }

    synchronized Optional<PendingFile> file(String id) {
        return Optional.ofNullable(id == null ? null : files.get(id));
    }

    /** @return false when no upload slot with that id was handed out */
    synchronized boolean storeUpload(String id, byte[] bytes) {
        PendingFile slot = files.get(id);
        if (slot == null) {
            return false;
        }
        files.put(id, new PendingFile(id, slot.filename(), slot.declaredLength(), bytes.clone()));
        return true;
    }

    synchronized String nextViewId() {
        return String.format(Locale.ROOT, "V%04d", ++viewSeq);
    }

    synchronized void publishHome(String userId, String text) {
        homes.put(userId, text);
    }

    synchronized Optional<String> home(String userId) {
        return Optional.ofNullable(homes.get(userId));
    }

    synchronized void labelResponseUrl(String id, String label) {
        responseLabels.put(id, label);
    }

    synchronized String responseLabel(String id) {
        return responseLabels.getOrDefault(id, id);
    }
}
