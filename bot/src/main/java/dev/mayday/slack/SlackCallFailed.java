package dev.mayday.slack;

/**
 * A Web API call that did not succeed: {@code error} is Slack's error code ({@code name_taken}) or, when Slack
 * did not answer with one, {@code http_<status>} or {@code io_error}. Carries no token or request body.
 */
public final class SlackCallFailed extends RuntimeException {

    private final String method;
    private final String error;

    public SlackCallFailed(String method, String error, Throwable cause) {
        super("Slack " + method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }
}
