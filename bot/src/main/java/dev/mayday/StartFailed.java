package dev.mayday;

/**
 * A start that failed midway, after closing what it had opened: the message is one line saying why, for the
 * operator; the cause keeps the details for the log.
 */
public final class StartFailed extends RuntimeException {

    StartFailed(RuntimeException cause) {
        super("Mayday could not start: " + oneLine(cause), cause);
    }

    /** {@code what} stops the start, and {@code setting} is the one to look at. */
    StartFailed(String what, String setting) {
        super("Mayday could not start: " + what + " (" + setting + ")");
    }

    /** {@code what} failed, and {@code setting} is the one to look at: "cannot listen on port 3000 (PORT): …". */
    StartFailed(String what, String setting, RuntimeException cause) {
        super("Mayday could not start: " + what + " (" + setting + "): " + oneLine(cause), cause);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
