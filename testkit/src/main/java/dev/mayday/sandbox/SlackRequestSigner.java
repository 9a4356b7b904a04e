package dev.mayday.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request as Slack does: {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>}. Written here
 * from Slack's documentation rather than borrowed from Bolt, so the simulator checks Mayday's verifier against the
 * protocol, not against the library that implements it.
 */
public final class SlackRequestSigner {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private final SecretKeySpec key;

    public SlackRequestSigner(String signingSecret) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
