package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.sandbox.LoopbackServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A fake of the Slack Web API over real HTTP, for the {@code demo} command and integration tests.
 * Point the Slack SDK's methods URL prefix at {@link #apiUrl()}; every request is recorded in
 * {@link #calls()} and the visible effects are summarised in {@link #transcript()}.
 *
 * <p>Endpoints: {@code /api/<method>} (Web API), {@code /respond/<id>} (fake response_url) and
 * {@code /upload/<fileId>} (upload_url from files.getUploadURLExternal); Socket Mode's WebSocket server beside them
 * ({@link #socketMode()}).
 */
public final class FakeSlack implements AutoCloseable {

    private static final int THREADS = 8;

    private final FakeSlackState state;
    private final CallLog calls;
    private final Transcript transcript;
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackServer server;
    private final String baseUrl;
    private final Clock clock;
    private FakeSocketMode socketMode;

    private FakeSlack(Clock clock) {
        this.clock = clock;
        state = new FakeSlackState(clock);
        calls = new CallLog(state);
        transcript = new Transcript(state);
        FakeSlackHttp http = new FakeSlackHttp(state, calls, transcript, json);
        server = LoopbackServer.start("fake-slack", THREADS, http::handle);
        baseUrl = server.baseUrl();
        http.serveMethods(new FakeSlackMethods(state, transcript, baseUrl, json, this::socketMode));
    }

    /** Starts a fake on 127.0.0.1 with an ephemeral port. */
    public static FakeSlack start() {
        return start(Clock.systemUTC());
    }

    /** Like {@link #start()}, stamping calls, channels and messages with {@code clock}. */
    public static FakeSlack start(Clock clock) {
        return new FakeSlack(Objects.requireNonNull(clock, "clock"));
    }

    // --- addresses and identity ------------------------------------------------------------------

    /** The SDK's methods URL prefix, with the trailing slash it expects. */
    public String apiUrl() {
        return baseUrl + FakeSlackHttp.API;
    }

    /** A response_url whose posts are recorded as method "response_url" with param "id". */
    public String responseUrl(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("response url id must not be empty");
        }
        return baseUrl + FakeSlackHttp.RESPOND + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Like {@link #responseUrl(String)}, shown in the transcript as "(reply to label)", e.g. "/incident". */
    public String responseUrl(String id, String label) {
        state.labelResponseUrl(id, Objects.requireNonNull(label, "label"));
        return responseUrl(id);
    }

    public String botUserId() {
        return FakeSlackState.BOT_USER_ID;
    }

    public String teamId() {
        return FakeSlackState.TEAM_ID;
    }

    // --- recorded calls and scripting --------------------------------------------------------------

    /**
     * Slack's Socket Mode side: the WebSocket server that {@code apps.connections.open} points at (started on first
     * use), to send envelopes over and read the acknowledgements from.
     */
    public synchronized FakeSocketMode socketMode() {
        if (socketMode == null) {
            socketMode = new FakeSocketMode(json, clock);
        }
        return socketMode;
    }

    /** Every call received so far, in arrival order. */
    public List<SlackCall> calls() {
        return calls.calls();
    }

    /** Calls to one method, e.g. "chat.postMessage", "response_url" or "file_upload". */
    public List<SlackCall> calls(String method) {
        return calls.calls(method);
    }

    /**
     * Every Web API method answers {@code answer} until {@link #endOutage()} (scripted answers queued per method
     * still come first). Response URLs and uploads are not part of the outage.
     */
    public void outage(FakeAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        calls.outage(call -> answer);
    }

    /**
     * Like {@link #outage(FakeAnswer)}, with the answer chosen per call, e.g. from its {@link SlackCall#receivedAt()}
     * to play a scripted timeline; null lets that call through to the normal behaviour.
     */
    public void outage(Function<SlackCall, FakeAnswer> answerFor) {
        calls.outage(Objects.requireNonNull(answerFor, "answerFor"));
    }

    public void endOutage() {
        calls.outage(null);
    }

    /** Queues a scripted answer; answers for a method are used FIFO before its normal behaviour. */
    public void enqueue(String method, FakeAnswer answer) {
        calls.enqueue(Objects.requireNonNull(method, "method"), Objects.requireNonNull(answer, "answer"));
    }

    /** Each visible effect or failure, in processing order, with where it showed. */
    public List<TranscriptLine> effects() {
        return transcript.effects();
    }

    /** One readable line per visible effect or failure, in processing order. */
    public List<String> transcript() {
        return transcript.lines();
    }

    // --- workspace state ---------------------------------------------------------------------------

    public Optional<FakeChannel> channelByName(String name) {
        return state.channelByName(name);
    }

    public Optional<FakeChannel> channel(String id) {
        return state.channel(id);
    }

    public List<FakeChannel> channels() {
        return state.channels();
    }

    /** A channel that existed before the bot ran (not in the transcript). The creator is its only member. */
    public FakeChannel createChannelDirectly(String name, boolean isPrivate, String creator) {
        return state.createChannel(Objects.requireNonNull(name, "name"), isPrivate,
                Objects.requireNonNull(creator, "creator"));
    }

    /** Current messages in a channel, DM (user id) or any other id posted to, oldest first. */
    public List<FakeMessage> messages(String channelId) {
        return state.messages(state.resolveChannel(channelId));
    }

    /** Makes a user findable through users.lookupByEmail and users.info. */
    public void addUser(String id, String email, String name) {
        state.addUser(new FakeUser(Objects.requireNonNull(id, "id"), email, name));
    }

    /** Makes a user group ({@code S…}) with these members answer {@code usergroups.users.list}; replaces any earlier. */
    public void setUserGroup(String id, List<String> members) {
        state.setUserGroup(Objects.requireNonNull(id, "id"), Objects.requireNonNull(members, "members"));
    }

    public Optional<FakeUser> user(String id) {
        return state.user(id);
    }

    /** The text of the App Home last published for the user (as the transcript renders blocks), if any. */
    public Optional<String> home(String userId) {
        return state.home(userId);
    }

    /** The bytes posted to a file's upload_url, once they have arrived. */
    public Optional<byte[]> uploadedFile(String fileId) {
        return state.file(fileId)
                .filter(FakeSlackState.PendingFile::uploaded)
                .map(f -> f.bytes().clone());
    }

    @Override
    public void close() {
        server.close();
        synchronized (this) {
            if (socketMode != null) {
                socketMode.close();
            }
        }
    }
}
