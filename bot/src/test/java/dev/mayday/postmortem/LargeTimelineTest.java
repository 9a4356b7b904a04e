package dev.mayday.postmortem;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentPeople;
import dev.mayday.incident.IncidentPlace;
import dev.mayday.incident.IncidentTimes;
import dev.mayday.incident.Severity;
import dev.mayday.incident.Status;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long incident: the draft keeps its structure and every key event, and leaves the chatter out. */
class LargeTimelineTest {

    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final String[] PEOPLE = {"U0ANA", "U0BEN", "U0CAT", "U0DAN", "U0EVE"};

    /** Every 10th event is a note (key), every 50th message deleted, one in 500 blames someone; the rest is chatter. */
    static PostmortemFacts facts(int events) {
        List<TimelineEntry> timeline = new ArrayList<>(events + 2);
        timeline.add(TimelineEntry.key(9, START, TimelineKind.DECLARED, "U0ANA", "SEV2 Queue backlog keeps growing"));
        for (int i = 1; i <= events; i++) {
            Instant at = START.plusSeconds(i * 7L);
            String person = PEOPLE[i % PEOPLE.length];
            if (i % 10 == 0) {
                timeline.add(TimelineEntry.key(9, at, TimelineKind.NOTE_ADDED, person, "Checkpoint " + i
                        + ": consumer lag at " + (i % 997) + " messages, partitions rebalanced."));
            } else {
                String text = i % 500 == 1 ? "Honestly this is human error, someone resized the pool by hand."
                        : "Looking at partition " + (i % 64) + ", lag " + (i % 997) + " <@U0BEN> see graph";
                String ts = TimelineFixture.ts(at);
                timeline.add(new TimelineEntry(9, at, TimelineKind.MESSAGE, person, text, false, ts,
                        "msg:C0INC9:" + ts, null, i % 50 == 3, null));
            }
        }
        Instant end = START.plusSeconds(events * 7L + 60);
        timeline.add(TimelineEntry.key(9, end, TimelineKind.RESOLVED, "U0ANA", "Resolved"));
        Incident incident = new Incident(9, "Queue backlog keeps growing", null, Severity.SEV2, Status.RESOLVED, false, false,
                IncidentPeople.declarerLeads("U0ANA"), new IncidentTimes(START, START.plusSeconds(30), end, null), null,
                new IncidentPlace("C0GENERAL", "C0INC9", null, null, null));
        return new PostmortemFacts(incident, null, timeline, List.of(), List.of(), ZoneId.of("Europe/Berlin"),
                TimelineFixture.EXAMPLE_LINKS, null, end.plusSeconds(600), 1, 0);
    }

    @Test
    void draft_of10000Events_hasEveryKeyEventAndNoChatter() {
        String markdown = new PostmortemDraft().render(facts(10_000)).markdown();

        long keyLines = markdown.lines().filter(line -> line.matches("- \\*\\*\\d\\d:\\d\\d CEST\\*\\* · .*")).count();
        assertThat(keyLines).isEqualTo(1 + 1_000 + 1);
        assertThat(markdown).doesNotContain("Looking at partition");
        assertThat(markdown).contains("Checkpoint 10: ", "Checkpoint 10000: ");
        assertThat(markdown.indexOf("Checkpoint 10: ")).isLessThan(markdown.indexOf("Checkpoint 9990: "));
        // person i % 5: notes (i % 10 == 0) are all U0ANA's, deleted messages (i % 50 == 3) all U0DAN's
        assertThat(markdown).contains("| @U0ANA | lead, declared | 1000 | 1000 | 0 |",
                "| @U0BEN | — | 2000 | 0 | 0 |", "| @U0DAN | — | 1800 | 0 | 0 |");
        assertThat(markdown).containsSubsequence("## Facts", "## People", "## Key timeline", "## Action items",
                "## Learnings captured", "## To write together", "## Blameless-language review");
    }

    @Test
    void review_of10000Events_findsEachBlamingMessageOnce() {
        RenderedDraft rendered = new PostmortemDraft().render(facts(10_000));

        // i % 500 == 1: 20 messages, none of them deleted (i % 50 == 1, not 3)
        assertThat(rendered.findings()).hasSize(20);
        assertThat(rendered.findings()).allSatisfy(f -> assertThat(f.phrase()).isEqualTo("human error"));
    }

    /** Not a timing assertion (CI machines vary): prints how long 100,000 events take, for the record. */
    @Test
    void draft_of100000Events_rendersAndReportsItsTime() {
        PostmortemFacts facts = facts(100_000);
        PostmortemDraft draft = new PostmortemDraft();
        long started = System.nanoTime();
        draft.render(facts);
        long cold = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        String markdown = draft.render(facts).markdown();
        long warm = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Post-mortem draft of 100,000 timeline events: %d ms (first run in this JVM: %d ms), "
                + "%d characters%n", warm, cold, markdown.length());
        assertThat(markdown).contains("Checkpoint 100000: ");
    }
}
