package dev.mayday.sandbox.pagerduty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as PagerDuty v3 does: {@code v1=<hex HMAC-SHA256(raw body, secret)>}, one signature per secret,
 * comma-separated while a secret is rotated. The fake's own implementation of the protocol, independent of Mayday's
 * verifier, so a test that passes shows the two agree.
 */
public final class PagerDutySignature {

    public static final String HEADER = "X-PagerDuty-Signature";

    private PagerDutySignature() {
    }

    /** The header value PagerDuty would send for {@code rawBody} signed with each of {@code secrets}. */
    public static String header(byte[] rawBody, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        return Arrays.stream(secrets).map(secret -> sign(rawBody, secret)).collect(Collectors.joining(","));
    }

    private static String sign(byte[] rawBody, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
