package dev.mayday.slack.socket;

import java.util.Objects;

/** Whether Slack can reach Mayday over the socket now, and if not, the last reason known (never a token). */
public record SocketStatus(boolean connected, String reason) {

    public SocketStatus {
        Objects.requireNonNull(reason, "reason");
    }

    static SocketStatus up() {
        return new SocketStatus(true, "");
    }

    static SocketStatus down(String reason) {
        return new SocketStatus(false, reason);
    }
}
