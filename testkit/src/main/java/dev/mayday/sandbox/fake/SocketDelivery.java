package dev.mayday.sandbox.fake;

/** An envelope the fake sent: which one, of what type, which attempt (0 first, then 1, 2, …) and on which connection. */
public record SocketDelivery(String envelopeId, String type, int retryAttempt, int connection) {
}
