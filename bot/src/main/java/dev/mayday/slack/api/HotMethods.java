package dev.mayday.slack.api;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsCreateRequest;
import com.slack.api.methods.request.conversations.ConversationsInviteRequest;
import com.slack.api.methods.request.conversations.ConversationsSetTopicRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The Web API methods that every incident change or new incident calls ({@code chat.postMessage}, {@code chat.update},
 * {@code conversations.setTopic}, {@code views.publish}, {@code conversations.create}, {@code conversations.invite}),
 * sent exactly as the SDK sends them (its request forms, its HTTP client, its response types) but read with one Gson
 * kept for the client's life. The SDK builds a new Gson for every response it reads, and with it every reflective type
 * adapter of the response's model: in the benchmark that was 40% of the server's CPU while commands and webhooks came
 * in, more than the rest of each call together.
 * <p>
 * What Slack echoes back and Mayday never reads is skipped, not built into the SDK's model: the message a post or an
 * update returns (its blocks are most of the reply), the view a publish returns, the channel a topic or an invite
 * returns. Their getters answer null; the rest of each response (ok, error, ts, the created channel) is read as before.
 */
public final class HotMethods {

    /** The echoes skipped, by the response class that carries them and its field's name. */
    private static final Map<Class<?>, Set<String>> UNREAD_ECHOES = Map.of(
            ChatPostMessageResponse.class, Set.of("message"),
            ChatUpdateResponse.class, Set.of("message"),
            ViewsPublishResponse.class, Set.of("view"),
            ConversationsSetTopicResponse.class, Set.of("channel"),
            ConversationsInviteResponse.class, Set.of("channel"));

    private final SlackHttpClient http;
    private final String endpoint;
    private final String token;
    private final Gson gson;

    public HotMethods(Slack slack, String token) {
        this.http = slack.getHttpClient();
        this.endpoint = slack.getConfig().getMethodsEndpointUrlPrefix();
        this.token = token;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig()).newBuilder()
                .addDeserializationExclusionStrategy(new UnreadEchoes()).create();
    }

    public ChatPostMessageResponse chatPostMessage(ChatPostMessageRequest request)
            throws IOException, SlackApiException {
        return post("chat.postMessage", RequestFormBuilder.toForm(request), ChatPostMessageResponse.class);
    }

    public ChatUpdateResponse chatUpdate(ChatUpdateRequest request) throws IOException, SlackApiException {
        return post("chat.update", RequestFormBuilder.toForm(request), ChatUpdateResponse.class);
    }

    public ConversationsSetTopicResponse conversationsSetTopic(ConversationsSetTopicRequest request)
            throws IOException, SlackApiException {
        return post("conversations.setTopic", RequestFormBuilder.toForm(request), ConversationsSetTopicResponse.class);
    }

    public ConversationsCreateResponse conversationsCreate(ConversationsCreateRequest request)
            throws IOException, SlackApiException {
        return post("conversations.create", RequestFormBuilder.toForm(request), ConversationsCreateResponse.class);
    }

    public ConversationsInviteResponse conversationsInvite(ConversationsInviteRequest request)
            throws IOException, SlackApiException {
        return post("conversations.invite", RequestFormBuilder.toForm(request), ConversationsInviteResponse.class);
    }

    public ViewsPublishResponse viewsPublish(ViewsPublishRequest request) throws IOException, SlackApiException {
        return post("views.publish", RequestFormBuilder.toForm(request), ViewsPublishResponse.class);
    }

    /** As the SDK does: a non-2xx answer is a {@link SlackApiException}, a 2xx one is read as {@code type}. */
    private <T> T post(String method, FormBody.Builder form, Class<T> type) throws IOException, SlackApiException {
        try (Response response = http.postFormWithBearerHeader(endpoint + method, token, form.build())) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(http.getConfig(), response, text);
            }
            return gson.fromJson(text, type);
        }
    }

    /** Skips the fields in {@link #UNREAD_ECHOES}: Gson steps over their JSON without building anything. */
    private static final class UnreadEchoes implements ExclusionStrategy {

        @Override
        public boolean shouldSkipField(FieldAttributes field) {
            return UNREAD_ECHOES.getOrDefault(field.getDeclaringClass(), Set.of()).contains(field.getName());
        }

        @Override
        public boolean shouldSkipClass(Class<?> type) {
            return false;
        }
    }
}
