package dev.mayday.slack.socket;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Asks Slack where to open the next socket: {@code apps.connections.open} with the app-level token, through the same
 * Web API base URL as every other call. Each address is good for one connection.
 */
public final class SocketAddresses {

    /** Errors that name the token as the fault: a retry cannot heal them, the setting has to change. */
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "token_revoked",
            "account_inactive", "not_allowed_token_type", "missing_scope", "token_expired");

    private final MethodsClient appClient;

    /** {@code appClient} carries the app-level token ({@code xapp-…}). */
    public SocketAddresses(MethodsClient appClient) {
        this.appClient = appClient;
    }

    URI next() throws SocketOpenFailed {
        AppsConnectionsOpenResponse answer;
        try {
            answer = appClient.appsConnectionsOpen(r -> r);
        } catch (SlackApiException e) {
            throw new SocketOpenFailed("apps.connections.open answered HTTP " + e.getResponse().code(), false);
        } catch (IOException e) {
            throw new SocketOpenFailed("Slack could not be reached (" + e.getClass().getSimpleName() + ")", false);
        }
        if (!answer.isOk()) {
            String error = String.valueOf(answer.getError());
            boolean tokenRefused = TOKEN_ERRORS.contains(error);
            throw new SocketOpenFailed(tokenRefused
                    ? "Slack refused SLACK_APP_TOKEN (" + error + "): it must be an app-level token with connections:write"
                    : "apps.connections.open failed: " + error, tokenRefused);
        }
        try {
            return URI.create(answer.getUrl());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SocketOpenFailed("apps.connections.open gave no usable socket address", false);
        }
    }
}
