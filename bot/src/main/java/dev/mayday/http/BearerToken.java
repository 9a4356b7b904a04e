package dev.mayday.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret a client must send as {@code Authorization: Bearer <token>}. Compared in constant time, on digests of the
 * same length, so neither the token's content nor its length can be found by timing the answers.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    public BearerToken(String token) {
        Objects.requireNonNull(token, "token");
        this.expected = digest(token);
    }

    /** True when {@code authorization} (the header's value, null when absent) carries this token. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(authorization.substring(SCHEME.length()).strip()));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[***]";
    }
}
