package dev.mayday;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mayday.slack.socket.EnvelopeHandler;
import dev.mayday.slack.socket.SocketAddresses;
import dev.mayday.slack.socket.SocketMode;

import java.util.Optional;

/**
 * Socket Mode, when {@code SLACK_APP_TOKEN} is set: the same Bolt app, its handlers and middleware, fed by a socket to
 * Slack instead of by HTTP requests. Built before the HTTP server (whose health check reports it), opened last.
 */
final class SocketModeWiring {

    private final Optional<SocketMode> socket;

    SocketModeWiring(Config config, SlackWiring slack) {
        ObjectMapper json = new ObjectMapper();
        this.socket = config.slackAppToken().map(appToken -> new SocketMode(
                new SocketAddresses(slack.client().methods(appToken)), new EnvelopeHandler(slack.app(), json), json));
    }

    Optional<SocketMode> socket() {
        return socket;
    }

    /** Opens the socket, once every handler is registered; closed first, before anything it hands envelopes to. */
    void start(Opened opened) {
        socket.ifPresent(open -> opened.add("the Socket Mode connection", open).start());
    }
}
