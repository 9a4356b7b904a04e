package dev.mayday.slack.socket;

/** {@code apps.connections.open} gave no socket address: Slack refused (its error code) or could not be reached. */
final class SocketOpenFailed extends Exception {

    private final boolean tokenRefused;

    SocketOpenFailed(String reason, boolean tokenRefused) {
        super(reason, null, false, false);
        this.tokenRefused = tokenRefused;
    }

    /** The token is the fault: waiting does not heal it, the setting has to change. */
    boolean tokenRefused() {
        return tokenRefused;
    }
}
