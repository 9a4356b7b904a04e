package dev.mayday.pagerduty;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final String SECRET = "pd-webhook-secret-current";
    private static final String OLD_SECRET = "pd-webhook-secret-previous";
    private static final byte[] BODY = """
            {"event":{"id":"01DEMO","event_type":"pagey.ping","resource_type":"pagey","occurred_at":"2024-05-01T10:00:00Z","data":{"type":"ping"}}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature current = new WebhookSignature(SECRET);

    @Test
    void sign_isHexHmacSha256OfTheRawBody_knownAnswer() {
        // RFC 4231 test case 2.
        String header = new WebhookSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("v1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verify_acceptsItsOwnSignature() {
        assertThat(current.verify(BODY, current.sign(BODY))).isTrue();
    }

    @Test
    void verify_duringRotation_acceptsWhicheverSignatureMatches() {
        String rotated = WebhookSignature.header(BODY, OLD_SECRET, SECRET);

        assertThat(rotated).matches("v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(current.verify(BODY, rotated)).isTrue();
        assertThat(new WebhookSignature(OLD_SECRET).verify(BODY, rotated)).isTrue();
        assertThat(new WebhookSignature("a-third-secret").verify(BODY, rotated)).isFalse();
    }

    @Test
    void verify_toleratesSpacesAroundSignaturesAndUpperCaseHex() {
        String header = " v1=" + "0".repeat(64) + " , " + current.sign(BODY).toUpperCase(Locale.ROOT).replace("V1=", "v1=") + " ";

        assertThat(current.verify(BODY, header)).isTrue();
    }

    @Test
    void verify_rejectsAnotherSecretsSignature() {
        assertThat(current.verify(BODY, new WebhookSignature(OLD_SECRET).sign(BODY))).isFalse();
    }

    @Test
    void verify_rejectsMissingOrBlankHeader() {
        assertThat(current.verify(BODY, null)).isFalse();
        assertThat(current.verify(BODY, "")).isFalse();
        assertThat(current.verify(BODY, "   ")).isFalse();
    }

    @Test
    void verify_rejectsGarbledHeaders() {
        String good = current.sign(BODY);
        String hex = good.substring(3);

        assertThat(current.verify(BODY, "v1=")).isFalse();
        assertThat(current.verify(BODY, ",,,")).isFalse();
        assertThat(current.verify(BODY, "nonsense")).isFalse();
        assertThat(current.verify(BODY, hex)).as("no version prefix").isFalse();
        assertThat(current.verify(BODY, "v0=" + hex)).as("another version").isFalse();
        assertThat(current.verify(BODY, "v1=" + hex.substring(1))).as("63 digits").isFalse();
        assertThat(current.verify(BODY, good + "00")).as("66 digits").isFalse();
        assertThat(current.verify(BODY, "v1=" + "zz" + hex.substring(2))).as("not hex").isFalse();
        assertThat(current.verify(BODY, "v1=" + hex.substring(0, 63) + "g, garbage")).isFalse();
    }

    @Test
    void verify_rejectsATamperedBody() {
        String header = current.sign(BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("pagey.ping", "incident.triggered")
                .getBytes(StandardCharsets.UTF_8);
        byte[] reformatted = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);

        assertThat(current.verify(tampered, header)).isFalse();
        assertThat(current.verify(reformatted, header)).as("the raw bytes are signed, not the JSON meaning").isFalse();
    }

    @Test
    void verify_signsUtf8Bytes() {
        byte[] body = "{\"note\":\"Überlast — 東京\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(current.verify(body, current.sign(body))).isTrue();
        assertThat(current.verify(body, current.sign("{\"note\":\"Uberlast - ??\"}".getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void blankSecret_isRefused() {
        assertThatThrownBy(() -> new WebhookSignature(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.header(BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
