package dev.mayday.slack.requests;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A signed request captured and sent again within the signature window is acknowledged and changes nothing.
 * Runs after {@link SignedRequests}, so only genuine requests are remembered. Events are left out: each carries its
 * own id, recorded in the same transaction as what it changes (see TimelineEvents), which also holds across
 * a crash; Slack's own retries of an event therefore still get their 200.
 * <p>
 * In Socket Mode nothing is signed, but Slack redelivers an envelope whose acknowledgement came late or not at all
 * (a slow write, a connection refreshed in between). A redelivery carries the same payload (its trigger id, its
 * action), so the payload is remembered the same way: the redelivery of a request carried out is acknowledged
 * without acting, one still being handled is left unacknowledged (Slack tries again), one that failed is handled.
 */
public final class ReplayGuard implements Middleware {

    public static final String ALREADY_HANDLED = "That request was handled already; nothing was done again.";
    private static final Set<RequestType> UNGUARDED = EnumSet.of(RequestType.Event, RequestType.UrlVerification,
            RequestType.SSLCheck, RequestType.OAuthStart, RequestType.OAuthCallback);
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);
    /** Stands for the timestamp in a Socket Mode payload's digest: no HTTP request's timestamp looks like it. */
    private static final String SOCKET_MODE = "socket-mode";

    private final SeenRequests seen;

    public ReplayGuard(SeenRequests seen) {
        this.seen = seen;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String timestamp = req.isSocketMode() ? SOCKET_MODE
                : req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        if (UNGUARDED.contains(req.getRequestType()) || timestamp == null) {
            return chain.next(req);
        }
        String digest = SeenRequests.digest(timestamp, req.getRequestBodyAsString());
        SeenRequests.Seen claim;
        try {
            claim = seen.claim(digest);
        } catch (RuntimeException storeFailure) {
            log.error("Could not check a Slack request against those already handled", storeFailure);
            return storeUnavailable(req.getRequestType());
        }
        switch (claim) {
            case HANDLED -> {
                log.info("Acknowledged a replayed {} request without acting on it", req.getRequestType());
                return req.getRequestType() == RequestType.Command
                        ? Response.json(200, Map.of("response_type", "ephemeral", "text", ALREADY_HANDLED))
                        : Response.ok();
            }
            case IN_PROGRESS -> {
                return Response.json(409, Map.of("error", "the same request is being handled right now"));
            }
            default -> {
                return handle(req, chain, digest);
            }
        }
    }

    private Response handle(Request req, MiddlewareChain chain, String digest) throws Exception {
        Response response;
        try {
            response = chain.next(req);
        } catch (Exception | Error e) {
            giveUp(digest);
            throw e;
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status >= 200 && status < 300 && RequestOutcome.wasCarriedOut(req.getContext())) {
            seen.done(digest);
        } else {
            giveUp(digest);
        }
        return response;
    }

    private void giveUp(String digest) {
        seen.release(digest);
    }

    /** As a handler answers when it cannot save: a sentence for a command, a retryable 503 for the rest. */
    private static Response storeUnavailable(RequestType type) {
        if (type == RequestType.Command) {
            return Response.json(200, Map.of("response_type", "ephemeral", "text", ":x: Mayday could not save that "
                    + "(its database is unavailable). Nothing was changed; please try again in a moment."));
        }
        return Response.json(503, Map.of("error", "the store is unavailable; nothing was changed, please retry"));
    }
}
