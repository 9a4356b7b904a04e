package dev.mayday.slack.requests;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.mayday.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Bolt app's one error handler (Bolt for Java has no {@code app.error}: this middleware, first in the chain,
 * stands for it). Handlers answer their own failures with a sentence for the person ({@link UserFacingErrors});
 * what still escapes a handler ends here. Bolt reads a payload lazily, after the signature check, so a signed body
 * whose fields have the wrong type or are missing fails inside the chain: that is the sender's fault, so 400. A
 * store failure is not: it stays a 5xx, answered by the HTTP server's one exception mapping, so that Slack retries.
 */
public final class HandlerErrors implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(HandlerErrors.class);

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        try {
            return chain.next(req);
        } catch (StoreException storeFailure) {
            throw storeFailure;
        } catch (RuntimeException malformed) {
            log.warn("Refused a signed Slack request that could not be handled: {}", malformed.toString());
            return Response.json(400, Map.of("error",
                    "malformed Slack request: a field is missing or has the wrong type"));
        }
    }
}
