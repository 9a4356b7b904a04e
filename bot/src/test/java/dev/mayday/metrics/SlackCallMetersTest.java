package dev.mayday.metrics;

import dev.mayday.outbox.Lane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels stay a small set: Slack's error codes pass, anything else is "other"; lanes are labelled by kind. */
class SlackCallMetersTest {

    @Test
    void outcome_namesRateLimitsServerErrorsAndSlackErrorCodes() {
        assertThat(SlackCallMeters.outcomeOf("http_429")).isEqualTo("429");
        assertThat(SlackCallMeters.outcomeOf("http_503")).isEqualTo("5xx");
        assertThat(SlackCallMeters.outcomeOf("io_error")).isEqualTo("io_error");
        assertThat(SlackCallMeters.outcomeOf("channel_not_found")).isEqualTo("channel_not_found");
    }

    @Test
    void outcome_ofSomethingThatIsNotAnErrorCode_isOther() {
        assertThat(SlackCallMeters.outcomeOf("<!here> \"}")).isEqualTo("other");
        assertThat(SlackCallMeters.outcomeOf("x".repeat(200))).isEqualTo("other");
        assertThat(SlackCallMeters.outcomeOf(null)).isEqualTo("other");
    }

    @Test
    void laneKind_dropsTheIncidentOrPersonTheLaneIsAbout() {
        assertThat(Lane.kindOf(Lane.slack(42).name())).isEqualTo("slack/incident");
        assertThat(Lane.kindOf(Lane.pagerDuty(42).name())).isEqualTo("pagerduty/incident");
        assertThat(Lane.kindOf("slack/home/U0ALEX/at/1700000000000")).isEqualTo("slack/home");
        assertThat(Lane.kindOf("slack/dm/U0ALEX")).isEqualTo("slack/dm");
        assertThat(Lane.kindOf("slack/digest")).isEqualTo("slack/digest");
    }
}
