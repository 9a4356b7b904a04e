package dev.mayday.metrics;

import dev.mayday.support.Sandbox;
import dev.mayday.sandbox.fake.FakeAnswer;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} over real HTTP, after real traffic: requests by route and status, Slack's acknowledgements,
 * Slack calls by method and outcome, PagerDuty webhooks by outcome, and what the store holds, read at scrape time.
 */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    @Test
    void metrics_afterADeclare_countTheRequestItsAcknowledgementItsSlackCallsAndTheOpenIncident() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir)) {
            sandbox.declare("U0ALEX", "sev2 Checkout is down");
            sandbox.get("/no-such-page");

            HttpResponse<String> scrape = sandbox.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(scrape.body())
                    .contains("mayday_http_requests_total{route=\"/slack/events\",status=\"200\"} 1.0")
                    .contains("mayday_http_requests_total{route=\"other\",status=\"404\"} 1.0")
                    .doesNotContain("no-such-page")
                    .contains("mayday_slack_ack_seconds_count 1\n")
                    .contains("mayday_slack_ack_seconds_bucket{le=\"3.0\"} 1\n")
                    .contains("mayday_slack_calls_total{method=\"conversations.create\",outcome=\"ok\"} 1.0")
                    .contains("mayday_incidents_open{severity=\"sev2\"} 1.0")
                    .contains("mayday_incidents_open{severity=\"sev1\"} 0.0")
                    .contains("mayday_pages_sent_total 0.0")
                    .contains("mayday_reminders_sent_total 0.0")
                    .contains("mayday_digest_last_week 0.0")
                    .contains("jvm_memory_used_bytes{");
        }
    }

    @Test
    void metrics_countSlackCallsThatWereRateLimitedFailedOrRefused_byOutcome() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir)) {
            sandbox.slack.enqueue("conversations.setTopic", FakeAnswer.rateLimited(1));
            sandbox.slack.enqueue("conversations.setTopic", FakeAnswer.httpError(503));
            sandbox.slack.enqueue("views.publish", FakeAnswer.slackError("invalid_arguments"));
            sandbox.declare("U0ALEX", "sev3 Search is slow");

            String metrics = sandbox.get("/metrics").body();

            assertThat(metrics)
                    .contains("mayday_slack_calls_total{method=\"conversations.setTopic\",outcome=\"429\"} 1.0")
                    .contains("mayday_slack_calls_total{method=\"conversations.setTopic\",outcome=\"5xx\"} 1.0")
                    .contains("mayday_slack_calls_total{method=\"conversations.setTopic\",outcome=\"ok\"} 1.0")
                    .contains("mayday_slack_calls_total{method=\"views.publish\",outcome=\"invalid_arguments\"} 1.0");
        }
    }

    @Test
    void metrics_whileSlackIsDown_showTheOutboxBacklogByLaneKind_notByIncident() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir)) {
            sandbox.slack.outage(FakeAnswer.httpError(503));
            sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev1 Payments are failing");
            sandbox.simulator.command("U0ALEX", sandbox.generalChannel, "declare sev2 Refunds are failing");

            String metrics = sandbox.get("/metrics").body();

            assertThat(metrics)
                    .contains("mayday_outbox_pending{lane=\"slack/incident\"} 2.0")
                    .containsPattern("mayday_outbox_oldest_pending_age_seconds\\{lane=\"slack/incident\"} \\d+\\.\\d+")
                    .contains("mayday_outbox_failed{lane=\"slack/incident\"} 0.0")
                    .contains("mayday_incidents_open{severity=\"sev1\"} 1.0")
                    .doesNotContainPattern("lane=\"[^\"]*/\\d+");
            sandbox.slack.endOutage();
            sandbox.settle();
            assertThat(sandbox.get("/metrics").body()).contains("mayday_outbox_pending{lane=\"slack/incident\"} 0.0");
        }
    }

    @Test
    void metrics_countPagerDutyWebhooksByOutcome() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir)) {
            SignedWebhook ping = sandbox.webhooks.ping();
            sandbox.deliver(ping);
            sandbox.deliver(ping.signedWith("not-the-secret"));

            String metrics = sandbox.get("/metrics").body();

            assertThat(metrics)
                    .contains("mayday_pagerduty_webhooks_total{outcome=\"ignored\"} 1.0")
                    .contains("mayday_pagerduty_webhooks_total{outcome=\"bad_signature\"} 1.0")
                    .contains("mayday_pagerduty_webhooks_total{outcome=\"accepted\"} 0.0")
                    .contains("mayday_http_requests_total{route=\"/pagerduty/webhook\",status=\"401\"} 1.0");
        }
    }
}
