package dev.mayday.pagerduty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies PagerDuty v3 webhook signatures: {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256(raw body, secret)>},
 * with several comma-separated signatures while PagerDuty rotates the secret; one match is enough. Nothing but the
 * body is signed (no timestamp), so replays are stopped by deduplicating event ids, not here.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-PagerDuty-Signature";
    private static final String VERSION = "v1=";
    private static final int HMAC_SHA256_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key;

    public WebhookSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be blank");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** True if any {@code v1} signature in {@code header} is this secret's HMAC of exactly these bytes. */
    public boolean verify(byte[] rawBody, String header) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = hmac(key, rawBody);
        boolean matched = false;
        for (String candidate : header.split(",")) {
            byte[] given = decode(candidate.strip());
            // No early exit: the time taken does not reveal which signature matched.
            matched |= given != null && MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    /** This secret's signature of {@code rawBody}, {@code v1=<hex>}. */
    public String sign(byte[] rawBody) {
        return VERSION + HEX.formatHex(hmac(key, rawBody));
    }

    /** A header value as PagerDuty sends it, one signature per secret (for tests and the demo). */
    public static String header(byte[] rawBody, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        return Arrays.stream(secrets).map(s -> new WebhookSignature(s).sign(rawBody)).collect(Collectors.joining(","));
    }

    /** The signature bytes of {@code v1=<64 hex digits>}; null for other versions and anything garbled. */
    private static byte[] decode(String signature) {
        if (!signature.startsWith(VERSION) || signature.length() != VERSION.length() + 2 * HMAC_SHA256_BYTES) {
            return null;
        }
        try {
            return HEX.parseHex(signature, VERSION.length(), signature.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
