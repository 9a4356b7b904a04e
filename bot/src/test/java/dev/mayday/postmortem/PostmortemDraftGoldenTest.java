package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentPeople;
import dev.mayday.incident.IncidentPlace;
import dev.mayday.incident.IncidentTimes;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts from fixed timelines, compared byte for byte with the golden files beside the corpus. */
class PostmortemDraftGoldenTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String LONG_FINDING = "Found it: the config service pushed max_connections=10 to every "
            + "checkout pod at 01:20 together with the deploy, so each pod queues payments behind ten connections "
            + "while the gateway times out after 5s. See <https://grafana.example.com/d/pool|the pool dashboard>, "
            + "saturation hits 100% at 01:21 on all four pods. <@U0SAM> can you confirm the override came from the "
            + "runtime flag and not from the chart?";

    private final PostmortemDraft draft = new PostmortemDraft();

    /**
     * Declared at 01:30 CET on the night Berlin moves to summer time: the clocks jump from 02:00 to 03:00, so the
     * closing at 04:20 CEST is 1 h 50 min later, not 2 h 50 min. Also a severity raised twice, a lead hand-off, an
     * edited and a deleted message, a long pinned message shortened with a link, and blaming phrases to review.
     */
    static PostmortemFacts acrossDstInBerlin() {
        TimelineFixture t = new TimelineFixture(42, BERLIN, "C0INC42")
                .key("2026-03-29T01:30", TimelineKind.DECLARED, "U0ALEX", "SEV3 Checkout fails for card payments")
                .message("2026-03-29T01:31", "U0ALEX", "Seeing 502s on /pay, <@U0KIM> can you check the gateway?")
                .key("2026-03-29T01:34", TimelineKind.SEVERITY_CHANGED, "U0ALEX", "SEV3 → SEV2")
                .message("2026-03-29T01:36", "U0KIM", "Gateway looks fine, the errors start right after the 01:20 deploy.")
                .pinnedMessage("2026-03-29T01:38", "U0PRIYA", "Rolling back the 01:20 deploy now, canary first.",
                        "2026-03-29T01:40")
                .message("2026-03-29T01:41", "U0MARCO", "Honestly this is Priya's fault for deploying at night.", true, null)
                .key("2026-03-29T01:45", TimelineKind.NOTE_ADDED, "U0KIM",
                        "Rollback did not help: the 502s come from the connection pool limit, not the deploy's code.")
                .message("2026-03-29T01:52", "U0MARCO",
                        "Honestly this looks like human error, someone set max_connections to 10 by hand.")
                .pinnedMessage("2026-03-29T01:55", "U0KIM", LONG_FINDING)
                .key("2026-03-29T01:58", TimelineKind.SEVERITY_CHANGED, "U0ALEX", "SEV2 → SEV1")
                .key("2026-03-29T03:05", TimelineKind.UPDATE_POSTED, "U0ALEX",
                        "Pool limit raised to 40 on all pods; error rate falling.")
                .key("2026-03-29T03:10", TimelineKind.LEAD_CHANGED, "U0ALEX", "U0SAM")
                .key("2026-03-29T03:12", TimelineKind.STATUS_CHANGED, "U0SAM", "Investigating → Monitoring")
                .message("2026-03-29T03:20", "U0SAM", "The alert should have fired at 80% but the threshold was 95%.")
                .message("2026-03-29T03:25", "U0MARCO", "Dana should have checked the dashboard before rolling out.")
                .key("2026-03-29T03:40", TimelineKind.RESOLVED, "U0SAM",
                        "Pool limit back at 40; error rate at baseline for 20 minutes.")
                .key("2026-03-29T04:20", TimelineKind.CLOSED, "U0SAM", "Closed");
        Incident incident = new Incident(42, "Checkout fails for card payments",
                "Card payments return 502 since about 01:20.", Severity.SEV1, Status.CLOSED, false, false,
                new IncidentPeople("U0ALEX", "U0SAM", "U0KIM", "least recent lead among those available"),
                new IncidentTimes(t.at("2026-03-29T01:30"), t.at("2026-03-29T01:34"), t.at("2026-03-29T03:40"),
                        t.at("2026-03-29T04:20")),
                "Pool limit back at 40; error rate at baseline for 20 minutes.",
                new IncidentPlace("C0GENERAL", "C0INC42", "inc-20260329-checkout-fails-for-card-payments",
                        "1774744200.000100", null));
        List<ActionItem> items = List.of(
                new ActionItem(1, 42, "Alert on connection pool saturation at 80%", "U0KIM", ActionItemState.OPEN,
                        "U0SAM", t.at("2026-03-29T03:30"), null, null),
                new ActionItem(2, 42, "Make max_connections part of the reviewed chart, not a runtime flag", null,
                        ActionItemState.DONE, "U0ALEX", t.at("2026-03-29T03:31"), t.at("2026-03-30T10:00"), "U0PRIYA"));
        List<Learning> learnings = List.of(new Learning(1, 42,
                "Pool limits are per pod: 10 per pod with 4 pods is 40 in total, which is what the DB allows.",
                "U0KIM", t.at("2026-03-29T03:35")));
        return new PostmortemFacts(incident, "U0ALEX", t.entries(), items, learnings, BERLIN,
                TimelineFixture.EXAMPLE_LINKS, PersonNames.userIds(), t.at("2026-03-29T05:00"), 1, 2);
    }

    /** Resolved by someone other than the lead, who never acted: nothing acknowledged, never monitoring, not closed. */
    static PostmortemFacts neverAcknowledged() {
        String longMessage = "Index rebuild finished on search-2 but search-1 and search-3 still serve the snapshot from "
                + "Tuesday; the rebuild job logs say the lock was held by the nightly compaction, which ran 3 hours over "
                + "because the disk was 94% full. Restarting the job on the other two now.";
        String longNote = "Stale results come from the nightly compaction holding the index lock. The compaction ran "
                + "long because the disk was nearly full; the alert for disk usage on search nodes was muted in June "
                + "during the migration and never unmuted. Unmuted it now.";
        TimelineFixture t = new TimelineFixture(7, UTC, "C0INC7")
                .key("2026-06-10T08:00", TimelineKind.DECLARED, "U0PAT", "SEV3 Search results are stale")
                .pinnedMessage("2026-06-10T08:20", "U0LEE", longMessage)
                .key("2026-06-10T08:40", TimelineKind.NOTE_ADDED, "U0LEE", longNote)
                .key("2026-06-10T09:05", TimelineKind.RESOLVED, "U0LEE", "Resolved");
        Incident incident = new Incident(7, "Search results are stale", null, Severity.SEV3, Status.RESOLVED, false, false,
                IncidentPeople.declarerLeads("U0PAT"),
                new IncidentTimes(t.at("2026-06-10T08:00"), null, t.at("2026-06-10T09:05"), null), null,
                new IncidentPlace("C0GENERAL", "C0INC7", null, null, null));
        return new PostmortemFacts(incident, null, t.entries(), List.of(), List.of(), UTC, Permalinks.none(),
                PersonNames.userIds(), t.at("2026-06-10T09:30"), 3, 0);
    }

    @Test
    void draft_acrossDstInBerlin_matchesGolden() throws IOException {
        RenderedDraft rendered = draft.render(acrossDstInBerlin());

        Goldens.assertMatches("dst-berlin.md", rendered.markdown());
        assertThat(rendered.durations().toAcknowledge()).contains(Duration.ofMinutes(4));
        assertThat(rendered.durations().toMitigate()).contains(Duration.ofMinutes(42));
        assertThat(rendered.durations().toResolve()).contains(Duration.ofMinutes(70));
        assertThat(rendered.durations().total()).contains(Duration.ofMinutes(110));
    }

    @Test
    void draft_acrossDst_showsBothZoneNamesAndLeavesDeletedOut() {
        String markdown = draft.render(acrossDstInBerlin()).markdown();

        assertThat(markdown).contains("**01:58 CET**", "**03:05 CEST**", "| Total | declared → closed | 1 h 50 min |");
        assertThat(markdown).doesNotContain("Priya's fault");
        assertThat(markdown).contains("_(edited 01:40 CET)_");
        assertThat(markdown).contains("([full message](https://example.slack.com/archives/C0INC42/p");
        assertThat(markdown).contains("declared as SEV3 · SEV3 → SEV2 at 2026-03-29 01:34 CET by @U0ALEX"
                + " · SEV2 → SEV1 at 2026-03-29 01:58 CET by @U0ALEX");
        assertThat(markdown).contains("- **Earlier leads:** @U0ALEX (until 2026-03-29 03:10 CEST)");
    }

    @Test
    void draft_neverAcknowledged_saysNotRecorded_andMatchesGolden() throws IOException {
        RenderedDraft rendered = draft.render(neverAcknowledged());

        Goldens.assertMatches("never-acknowledged.md", rendered.markdown());
        assertThat(rendered.markdown()).contains(
                "| Acknowledged (the lead's first action) | not recorded |",
                "| Time to acknowledge | declared → acknowledged | not recorded |",
                "| Time to mitigate | declared → first monitoring | not recorded |",
                "| Total | declared → closed | not recorded |",
                "| Time to resolve | declared → resolved | 1 h 5 min |");
        assertThat(rendered.durations().toAcknowledge()).isEmpty();
        assertThat(rendered.durations().toResolve()).contains(Duration.ofMinutes(65));
        assertThat(rendered.findings()).isEmpty();
    }

    @Test
    void draft_sameFacts_sameBytes() {
        assertThat(draft.render(acrossDstInBerlin()).markdown()).isEqualTo(draft.render(acrossDstInBerlin()).markdown());
    }

    @Test
    void draft_withoutPermalinks_shortensLongMessagesAndSaysWhereTheRestIs() {
        String markdown = draft.render(neverAcknowledged()).markdown();

        assertThat(markdown).contains("… (shortened; the full message is in the channel)");
        // a note has no Slack message to point to: it is kept whole
        assertThat(markdown).contains("during the migration and never unmuted. Unmuted it now.");
    }

    @Test
    void draft_durationsOfTimesBeforeTheDeclaration_areNotRecordedRatherThanNegative() {
        PostmortemFacts facts = neverAcknowledged();
        Incident odd = facts.incident().acknowledged(facts.incident().times().declaredAt().minusSeconds(60));
        PostmortemFacts withOdd = new PostmortemFacts(odd, null, facts.timeline(), List.of(), List.of(), UTC,
                null, null, facts.generatedAt(), 1, facts.updateReminders());

        RenderedDraft rendered = draft.render(withOdd);

        assertThat(rendered.durations().toAcknowledge()).isEmpty();
        assertThat(rendered.markdown()).contains("| Time to acknowledge | declared → acknowledged | not recorded |");
        assertThat(Optional.of(rendered.durations().summaryLine())).contains(
                "acknowledged in not recorded · mitigated in not recorded · resolved in 1 h 5 min · total not recorded");
    }
}
