package dev.mayday.sandbox.fake;

/** Slack-level failure: HTTP 200 with ok=false. Thrown from deep inside a method, caught by the dispatcher. */
final class SlackError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SlackError(String code) {
        super(code, null, false, false);
    }
}
