package dev.mayday.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRefTest {

    @Test
    void ts_isSecondsAndMicrosecondsSinceTheEpoch() {
        assertThat(new MessageRef("C1", "1773480000.000100").postedAt())
                .isEqualTo(Instant.ofEpochSecond(1773480000L, 100_000));
        assertThat(MessageRef.instantOf("1773480000.5")).contains(Instant.ofEpochSecond(1773480000L, 500_000_000));
    }

    @Test
    void keys_matchWhatTheShortcutUses() {
        MessageRef ref = new MessageRef("C1", "1773480000.000100");

        assertThat(ref.pinKey()).isEqualTo("pin:C1:1773480000.000100");
        assertThat(ref.messageKey()).isEqualTo("msg:C1:1773480000.000100");
    }

    @Test
    void somethingThatIsNoTs_isRefused() {
        assertThat(MessageRef.of("C1", null)).isEmpty();
        assertThat(MessageRef.of(null, "1.000100")).isEmpty();
        assertThat(MessageRef.of("C1", "yesterday")).isEmpty();
        assertThat(MessageRef.instantOf("1.2.3")).isEmpty();
        assertThatThrownBy(() -> new MessageRef("C1", "12:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
