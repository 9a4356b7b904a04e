package dev.mayday;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code SLACK_APP_TOKEN} switches to Socket Mode; a token of another kind stops the start, naming the setting only. */
class SocketModeConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1234-secret-token");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void appToken_switchesToSocketMode_withoutNeedingTheSigningSecret() {
        Config config = Config.fromEnvironment(env("SLACK_APP_TOKEN", "xapp-1-A0-123-abcdef"));

        assertThat(config.socketMode()).isTrue();
        assertThat(config.slackAppToken()).contains("xapp-1-A0-123-abcdef");
        assertThat(config.toString()).doesNotContain("abcdef").contains("slackAppToken=***");
    }

    @Test
    void withoutAppToken_itIsHttp_andTheSigningSecretIsRequired_namingSocketModeAsTheOtherWay() {
        assertThat(Config.fromEnvironment(env("SLACK_SIGNING_SECRET", "s3cret")).socketMode()).isFalse();
        assertThatThrownBy(() -> Config.fromEnvironment(env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set")
                .hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    void appToken_ofAnotherKind_stopsTheStart_namingTheVariable_notTheValue() {
        assertThatThrownBy(() -> Config.fromEnvironment(env("SLACK_APP_TOKEN", "xoxb-9999-leaked-bot-token")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_APP_TOKEN must be an app-level token (xapp-…)")
                .message().doesNotContain("9999").doesNotContain("leaked");
    }
}
