package dev.mayday.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.mayday.slack.requests.RequestSignature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature window holds both ways, on the clock it is given. */
class RequestSignatureTest {

    private static final String SECRET = "test-signing-secret-not-real";
    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    private static final String BODY = "command=%2Fincident&text=help";

    private final RequestSignature signature = new RequestSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void withinFiveMinutesEitherWay_isAccepted() {
        assertThat(check(NOW.getEpochSecond())).isEmpty();
        assertThat(check(NOW.getEpochSecond() - 300)).isEmpty();
        assertThat(check(NOW.getEpochSecond() + 300)).isEmpty();
    }

    @Test
    void moreThanFiveMinutesEitherWay_isRefused() {
        assertThat(check(NOW.getEpochSecond() - 301)).hasValueSatisfying(r -> assertThat(r).contains("5 minutes"));
        assertThat(check(NOW.getEpochSecond() + 301)).hasValueSatisfying(r -> assertThat(r).contains("5 minutes"));
        assertThat(check(NOW.getEpochSecond() + 10L * 366 * 24 * 3600)).isPresent();
        assertThat(check(Long.MAX_VALUE)).isPresent();
        assertThat(check(Long.MIN_VALUE)).isPresent();
    }

    @Test
    void notANumber_orMissing_isRefused() {
        String ts = " " + NOW.getEpochSecond();
        assertThat(signature.refusal(ts, BODY, new SlackSignature.Generator(SECRET).generate(ts, BODY)))
                .hasValueSatisfying(r -> assertThat(r).contains("not a number"));
        assertThat(signature.refusal(null, BODY, "v0=00")).isPresent();
        assertThat(signature.refusal(String.valueOf(NOW.getEpochSecond()), BODY, null)).isPresent();
    }

    @Test
    void wrongSignature_isRefused() {
        String ts = String.valueOf(NOW.getEpochSecond());
        assertThat(signature.refusal(ts, BODY + "&x=1", new SlackSignature.Generator(SECRET).generate(ts, BODY)))
                .hasValue("invalid request signature");
    }

    private java.util.Optional<String> check(long epochSecond) {
        String ts = String.valueOf(epochSecond);
        return signature.refusal(ts, BODY, new SlackSignature.Generator(SECRET).generate(ts, BODY));
    }
}
