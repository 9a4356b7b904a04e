package dev.mayday.slack.requests;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.mayday.slack.api.SlackGateway;

import static com.slack.api.bolt.middleware.MiddlewareOps.isNoAuthRequiredRequest;

/**
 * Stands in for Bolt's SingleTeamAuthorization, which calls {@code auth.test} while handling requests and answers
 * HTTP 500 when Slack is down: commands must still be acknowledged during a Slack outage. The signature, already
 * verified by the middleware before this one, is what proves a request came from our workspace; this only puts
 * the bot's token (and its user id, once known) on the context.
 */
public final class KnownBotAuthorization implements Middleware {

    private final String botToken;
    private final SlackGateway slack;

    public KnownBotAuthorization(String botToken, SlackGateway slack) {
        this.botToken = botToken;
        this.slack = slack;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (!isNoAuthRequiredRequest(req.getRequestType())) {
            Context context = req.getContext();
            context.setBotToken(botToken);
            slack.knownBotUserId().ifPresent(context::setBotUserId);
        }
        return chain.next(req);
    }
}
