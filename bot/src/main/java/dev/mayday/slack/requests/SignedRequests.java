package dev.mayday.slack.requests;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

import static com.slack.api.bolt.middleware.MiddlewareOps.isNoSlackSignatureRequest;

/** Stands in for Bolt's RequestVerification: the same exemptions, but a window that holds both ways (see {@link RequestSignature}). */
public final class SignedRequests implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);

    private final RequestSignature signature;

    public SignedRequests(RequestSignature signature) {
        this.signature = signature;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode() || isNoSlackSignatureRequest(req.getRequestType())) {
            return chain.next(req);
        }
        RequestHeaders headers = req.getHeaders();
        Optional<String> refusal = signature.refusal(
                headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                req.getRequestBodyAsString(), headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE));
        if (refusal.isPresent()) {
            log.info("Refused a Slack request: {}", refusal.get());
            return Response.json(401, Map.of("error", refusal.get()));
        }
        return chain.next(req);
    }
}
