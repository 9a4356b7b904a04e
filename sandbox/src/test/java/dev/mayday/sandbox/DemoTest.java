package dev.mayday.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command must keep working: the demo drives a whole incident and shows it. */
class DemoTest {

    @Test
    void demo_showsAnIncidentDeclaredUpdatedResolvedAndClosed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String transcript = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(transcript)
                .contains("> Alex: /incident declare sev2 Checkout API returning 502s")
                .containsPattern("\\+ #inc-\\d{8}-checkout-api-returning-502s created \\(public\\)")
                .contains("[card] 🔴 Incident #1: Checkout API returning 502s")
                .contains("Status update from <@U0ALEX>")
                .contains("handed the lead to <@U0SAM>")
                .contains(":pushpin: Added to the incident timeline.")
                .contains("> Sam reacts :pushpin: to Alex's message")
                .contains("Timeline: 1 key event (PINNED) for it")
                .contains("X-Slack-Retry-Num: 1")
                .contains("Stored once: 1 message row for it on the timeline")
                .contains("Key events of incident #1: Checkout API returning 502s")
                .contains(":pushpin: Rollback finished: error rate back to 0.1%")
                .contains("`9` is not a severity")
                .contains("This is not an incident channel")
                .contains("resolved the incident")
                .contains("Stored in SQLite: incident #1 \"Checkout API returning 502s\", SEV3, Closed, lead U0SAM")
                .contains("PINNED")
                .contains("MESSAGE  U0ALEX  Rollback finished")
                .contains("Picked by rotation")
                .contains("<@U0KIM>").contains("<@U0ROBIN>")
                .containsPattern("(?s)Incident #2: Search results are stale.*Lead · <@U0ROBIN>")
                .contains("[file uploaded] postmortem-incident-1-v1.md")
                .contains("# Post-mortem draft: Checkout API returning 502s")
                .contains("Alert on 502 rate above 1% for 5 minutes")
                .contains("The cache needs warming after a rollback")
                .contains("> PagerDuty sends incident.triggered for \"Database CPU above 95%\"")
                .contains("(Mayday answered 202, then 202 for the repeat)")
                .containsPattern("\\+ #inc-\\d{8}-database-cpu-above-95 created")
                .contains(":pager: On call in PagerDuty: invited <@U0KIM>")
                .contains("> Sam: /incident digest")
                .contains("The learnings digest of this week so far")
                .containsPattern("# Weekly learnings digest: \\d{4}-W\\d{2}")
                .contains("The cache needs warming after a rollback")
                .doesNotContain("Mayday answered HTTP");
    }
}
