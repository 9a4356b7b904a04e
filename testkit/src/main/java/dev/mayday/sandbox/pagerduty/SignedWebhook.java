package dev.mayday.sandbox.pagerduty;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook delivery as PagerDuty would POST it: the JSON body and its headers, signature included. Sending the same
 * instance twice is a redelivery (same event id, same {@code X-Webhook-Id}).
 */
public record SignedWebhook(String eventId, String eventType, String body, Map<String, String> headers) {

    public SignedWebhook {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public String signature() {
        return headers.get(PagerDutySignature.HEADER);
    }

    /** The same delivery signed with these secrets, as PagerDuty does while a secret is being rotated. */
    public SignedWebhook signedWith(String... secrets) {
        return withSignature(PagerDutySignature.header(bytes(), secrets));
    }

    /** The same delivery with this signature header; null sends none. */
    public SignedWebhook withSignature(String header) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (header == null) {
            changed.remove(PagerDutySignature.HEADER);
        } else {
            changed.put(PagerDutySignature.HEADER, header);
        }
        return new SignedWebhook(eventId, eventType, body, changed);
    }

    /** Another body under the original signature, as an attacker or a broken proxy would send it. */
    public SignedWebhook withBody(String tampered) {
        return new SignedWebhook(eventId, eventType, tampered, headers);
    }
}
