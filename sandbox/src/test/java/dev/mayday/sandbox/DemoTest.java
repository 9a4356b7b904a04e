package dev.mayday.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command must keep working, and read well to someone who has never seen Slack's API: the demo
 * drives a whole incident and shows, under each step, what appeared in Slack, with people and channels by name. Two
 * runs print the same transcript apart from times, and nothing is logged at WARN or above.
 */
class DemoTest {

    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static String first;
    private static String second;

    @BeforeAll
    static void runTwice() throws Exception {
        LOGGED.start();
        ROOT.addAppender(LOGGED);
        first = run();
        second = run();
    }

    @AfterAll
    static void stopListening() {
        ROOT.detachAppender(LOGGED);
    }

    private static String run() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), false).run();
        assertThat(exit).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The transcript with its times, dates, durations and sizes that depend on them replaced by placeholders. */
    private static String withoutTimes(String transcript) {
        return transcript
                // the restore drill's backup is named by its time, takes what it takes, and counts rows the background
                // writers (replay guard, Home refreshes) may have stored a moment sooner or later
                .replaceAll("mayday-\\d{8}-\\d{6}\\.db restored in \\d+ ms", "mayday-<time>.db restored in <duration>")
                .replaceAll("tables and [\\d,]+ rows as in the store", "tables and <rows> rows as in the store")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{1,2} [A-Z][a-z]+ \\d{4}", "<date>")
                .replaceAll("\\d{4}-W\\d{2}", "<week>")
                .replaceAll("\\d{1,2}:\\d{2}(:\\d{2})?", "<time>")
                .replaceAll("\\b\\d+ (s|min|h)\\b", "<duration>")
                .replaceAll("\\(\\d+ bytes\\)", "(<size>)")
                .replaceAll("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun) ",
                        "<day> ");
    }

    @Test
    void demo_twoRuns_printTheSameTranscriptApartFromTimes() {
        assertThat(withoutTimes(second)).isEqualTo(withoutTimes(first));
    }

    @Test
    void demo_logsNothingAtWarnOrAbove() {
        List<String> warnings = LOGGED.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).isEmpty();
    }

    @Test
    void demo_summarisesHomeTabRefreshesInOneLinePerStep() {
        assertThat(first)
                .containsPattern("(?s)> Alex, in #general: /incident declare sev2 Checkout API returning 502s\n"
                        + "(  [^\n]*\n)*  Home tab refreshed for 3 people: Alex, Kim, Robin\n")
                .doesNotContain("[home of")
                .doesNotContain("Your duty |");
    }

    @Test
    void demo_showsPeopleAndChannelsByName_andWhereEachCommandWasTyped() {
        assertThat(first)
                .contains("> Alex, in #general: /incident duty add @Kim engineer")
                .containsPattern("> Sam, in #inc-\\d{8}-checkout-api-returning-502s: /incident sev 3")
                .containsPattern("> Sam, in #inc-\\d{8}-checkout-api-returning-502s: reacts :pushpin: to Alex's message")
                .contains("invited @Alex, @Kim, @Robin")
                .contains("Join #inc-")
                .contains("Lead · @Kim")
                .doesNotContain("<@U0").doesNotContain("@U0").doesNotContain("<#C").doesNotContain("<!date")
                .containsPattern("Stored in SQLite: incident #1 \"Checkout API returning 502s\", SEV3, Closed, lead Sam, "
                        + "declared \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} UTC")
                .containsPattern("\\d{2}:\\d{2}:\\d{2} UTC  LEAD_CHANGED  Alex  Sam");
    }

    @Test
    void demo_showsAnIncidentDeclaredUpdatedResolvedAndClosed() {
        assertThat(first)
                .containsPattern("  #inc-\\d{8}-checkout-api-returning-502s:\n    created \\(public\\)\n")
                .contains("[card] 🔴 Incident #1: Checkout API returning 502s")
                .contains("Status update from @Alex")
                .contains("handed the lead to @Sam")
                .contains(":pushpin: Added to the incident timeline.")
                .contains("Timeline: 1 key event (PINNED) for it")
                .contains("X-Slack-Retry-Num: 1")
                .contains("Stored once: 1 message row for it on the timeline")
                .contains("Key events of incident #1: Checkout API returning 502s")
                .contains(":pushpin: Rollback finished: error rate back to 0.1%")
                .contains("`9` is not a severity")
                .contains("This is not an incident channel")
                .contains("resolved the incident")
                .contains("MESSAGE  Alex  Rollback finished")
                .contains("Picked by rotation")
                .containsPattern("(?s)Incident #2: Search results are stale.*Lead · @Robin")
                .contains("direct message to Kim:")
                .contains("[file uploaded] postmortem-incident-1-v1.md")
                .contains("# Post-mortem draft: Checkout API returning 502s")
                .contains("Alert on 502 rate above 1% for 5 minutes")
                .contains("The cache needs warming after a rollback")
                .contains("> PagerDuty sends incident.triggered for \"Database CPU above 95%\"")
                .contains("(Mayday answered 202, then 202 for the repeat)")
                .containsPattern("#inc-\\d{8}-database-cpu-above-95:\n    created")
                .contains(":pager: On call in PagerDuty: invited @Kim")
                .contains("> Robin, in #general: /incident premortem Move the checkout database to the new cluster")
                .containsPattern("#pre-\\d{8}-move-the-checkout-database-to-the-new-cluster:\n    created \\(public\\)")
                .contains("It is two weeks from now and *Move the checkout database to the new cluster* has failed.")
                .contains("There is no risk 7")
                .contains("# Pre-mortem #1: Move the checkout database to the new cluster")
                .contains("2. What if the connection strings in the payment workers still point at the old cluster?")
                .contains("Point DATABASE_URL back at the old cluster: 10 minutes, no data loss")
                .contains("1 pre-mortem held")
                .contains("> Sam, in #general: /incident digest")
                .contains("The learnings digest of this week so far")
                .containsPattern("# Weekly learnings digest: \\d{4}-W\\d{2}")
                .doesNotContain("Mayday answered HTTP")
                .doesNotContain("did not finish");
    }

    @Test
    void demo_runsAShortPracticeIncident_markedPractice_inADrillChannel() {
        assertThat(first)
                .contains("> Alex, in #general: /incident declare --drill sev2 Checkout failover game day")
                .contains("only Alex sees: :test_tube: Declaring practice incident #4")
                .containsPattern("  #drill-\\d{8}-checkout-failover-game-day:\n    created \\(public\\)\n"
                        + "    topic: \":test_tube: PRACTICE · SEV2")
                .contains("[card] :test_tube: PRACTICE · 🔴 Incident #4: Checkout failover game day")
                .contains("[card] :test_tube: PRACTICE (a drill, nobody is paged) · Incident #4")
                .containsPattern("> Alex, in #drill-\\d{8}-checkout-failover-game-day: /incident note Failed the primary")
                .containsPattern("> Alex, in #drill-\\d{8}-checkout-failover-game-day: /incident close")
                .contains("[file uploaded] postmortem-incident-4-v1.md")
                .contains(":test_tube: PRACTICE · :page_facing_up: Post-mortem draft v1 for incident #4")
                .contains("Practice: 1 drill — #4 Checkout failover game day (SEV2, led by @");
    }

    @Test
    void demo_endsWithOneRestoreDrillOfItsOwnStore() {
        assertThat(first.stripTrailing()).containsPattern("> Alex, in a terminal, with BACKUP_DIR set to a scratch "
                + "directory: java -jar mayday.jar drill\n  Restore drill ok: mayday-\\d{8}-\\d{6}\\.db restored in \\d+ "
                + "ms, integrity ok, schema version \\d+, \\d+ tables and [\\d,]+ rows as in the store at the snapshot\\.$");
    }
}
