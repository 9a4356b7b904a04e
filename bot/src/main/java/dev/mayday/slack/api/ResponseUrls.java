package dev.mayday.slack.api;

import com.slack.api.bolt.context.builtin.ActionContext;

import java.io.IOException;

/** Replies through a request's response_url: a reply that cannot be sent is a failed Slack call like any other. */
public final class ResponseUrls {

    private ResponseUrls() {
    }

    public static void send(Reply reply) {
        try {
            reply.send();
        } catch (IOException e) {
            throw new SlackCallFailed("response_url", "io_error", e);
        }
    }

    /** A private answer beside the message the button was on, which stays as it is. */
    public static void ephemeral(ActionContext ctx, String text) {
        send(() -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text)));
    }

    @FunctionalInterface
    public interface Reply {
        public void send() throws IOException;
    }
}
