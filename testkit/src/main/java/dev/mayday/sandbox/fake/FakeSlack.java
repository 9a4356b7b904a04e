package dev.mayday.sandbox.fake;

import dev.mayday.sandbox.LoopbackServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake of the Slack Web API over real HTTP, for the {@code demo} command and integration tests.
 * Point the Slack SDK's methods URL prefix at {@link #apiUrl()}; every request is recorded in
 * {@link #calls()} and the visible effects are summarised in {@link #transcript()}.
 *
 * <p>Endpoints: {@code /api/<method>} (Web API), {@code /respond/<id>} (fake response_url) and
 * {@code /upload/<fileId>} (upload_url from files.getUploadURLExternal).
 */
public final class FakeSlack implements AutoCloseable {

    private static final int THREADS = 8;
    private static final String API = "/api/";
    private static final String RESPOND = "/respond/";
    private static final String UPLOAD = "/upload/";


    private final FakeSlackState state;
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackServer server;
    private final String baseUrl;
    private final FakeSlackMethods methods;

    private FakeSlack(Clock clock) {
        state = new FakeSlackState(clock);
        server = LoopbackServer.start("fake-slack", THREADS, this::handle);
        baseUrl = server.baseUrl();
        methods = new FakeSlackMethods(state, baseUrl, json);
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
        return baseUrl + API;
    }

    /** A response_url whose posts are recorded as method "response_url" with param "id". */
    public String responseUrl(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("response url id must not be empty");
        }
        return baseUrl + RESPOND + URLEncoder.encode(id, StandardCharsets.UTF_8);
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

    /** Every call received so far, in arrival order. */
    public List<SlackCall> calls() {
        return state.calls();
    }

    /** Calls to one method, e.g. "chat.postMessage", "response_url" or "file_upload". */
    public List<SlackCall> calls(String method) {
        return state.calls(method);
    }

    /**
     * Every Web API method answers {@code answer} until {@link #endOutage()} (scripted answers queued per method
     * still come first). Response URLs and uploads are not part of the outage.
     */
    public void outage(FakeAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        state.outage(call -> answer);
    }

    /**
     * Like {@link #outage(FakeAnswer)}, with the answer chosen per call, e.g. from its {@link SlackCall#receivedAt()}
     * to play a scripted timeline; null lets that call through to the normal behaviour.
     */
    public void outage(Function<SlackCall, FakeAnswer> answerFor) {
        state.outage(Objects.requireNonNull(answerFor, "answerFor"));
    }

    public void endOutage() {
        state.outage(null);
    }

    /** Queues a scripted answer; answers for a method are used FIFO before its normal behaviour. */
    public void enqueue(String method, FakeAnswer answer) {
        state.enqueue(Objects.requireNonNull(method, "method"), Objects.requireNonNull(answer, "answer"));
    }

    /** One readable line per visible effect or failure, in processing order. */
    public List<String> transcript() {
        return state.transcript();
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
    }

    // --- HTTP plumbing -----------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith(API) && path.length() > API.length()) {
                String method = decode(path.substring(API.length()));
                handleParsed(exchange, method, body, Map.of(),
                        params -> methods.call(method, params));
            } else if (path.startsWith(RESPOND) && path.length() > RESPOND.length()) {
                String id = decode(path.substring(RESPOND.length()));
                handleParsed(exchange, "response_url", body, Map.of("id", id),
                        params -> methods.respond(id, params));
            } else if (path.startsWith(UPLOAD) && path.length() > UPLOAD.length()) {
                String fileId = decode(path.substring(UPLOAD.length()));
                Map<String, String> params = Map.of("file_id", fileId, "length", Integer.toString(body.length));
                serve(exchange, "file_upload", params, () -> methods.upload(fileId, body));
            } else {
                send(exchange, FakeReply.text(404, "fake slack: no such endpoint " + path));
            }
        } catch (RuntimeException e) {
            // A bug in the fake should fail the caller loudly rather than hang it.
            state.note("! fake slack internal error: " + e);
            trySend(exchange, FakeReply.text(500, "fake slack internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    /** Parses the body; an unreadable body is still recorded, and answered as Slack would. */
    private void handleParsed(HttpExchange exchange, String method, byte[] body,
                              Map<String, String> extra, Function<Map<String, String>, FakeReply> behaviour)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        boolean readable = true;
        try {
            params.putAll(RequestParams.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, json));
        } catch (IllegalArgumentException e) {
            readable = false;
        }
        params.putAll(extra);
        Supplier<FakeReply> normal = readable ? () -> behaviour.apply(params) : () -> methods.unreadable(method);
        serve(exchange, method, params, normal);
    }

    private void serve(HttpExchange exchange, String method, Map<String, String> params,
                       Supplier<FakeReply> normal) throws IOException {
        SlackCall call = new SlackCall(method, params, authorization(exchange, params), state.now());
        FakeAnswer scripted = state.record(call);
        if (scripted != null) {
            switch (scripted.kind()) {
                case DELAYED -> {
                    if (!pause(scripted)) {
                        return;
                    }
                }
                case ACTED_THEN_FAILED -> {
                    normal.get();
                    send(exchange, methods.scripted(method, new FakeAnswer(FakeAnswer.Kind.HTTP_ERROR,
                            scripted.status(), null, 0, null)));
                    return;
                }
                case ANSWERED_LATE -> {
                    FakeReply reply = normal.get();
                    if (pause(scripted)) {
                        send(exchange, reply);
                    }
                    return;
                }
                case DROP_CONNECTION -> {
                    // Closing the exchange before any headers are sent makes the server drop the connection.
                    methods.connectionDropped(method);
                    return;
                }
                default -> {
                    send(exchange, methods.scripted(method, scripted));
                    return;
                }
            }
        }
        send(exchange, normal.get());
    }

    /** @return false if the fake is shutting down, in which case nobody is waiting for a reply */
    private static boolean pause(FakeAnswer answer) {
        try {
            Thread.sleep(answer.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The SDK sends a Bearer header; older clients put the token in the body instead. */
    private static String authorization(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null && params.containsKey("token")) {
            return "Bearer " + params.get("token");
        }
        return header;
    }

    private static void send(HttpExchange exchange, FakeReply reply) throws IOException {
        LoopbackServer.send(exchange, reply.status(), withContentType(reply), reply.body());
    }

    private static void trySend(HttpExchange exchange, FakeReply reply) {
        LoopbackServer.trySend(exchange, reply.status(), withContentType(reply), reply.body());
    }

    private static Map<String, String> withContentType(FakeReply reply) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(reply.headers());
        headers.put("Content-Type", reply.contentType());
        return headers;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

}
