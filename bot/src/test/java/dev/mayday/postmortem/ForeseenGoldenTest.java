package dev.mayday.postmortem;

import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.PremortemLink;
import dev.mayday.premortem.Risk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A linked incident's draft gets a "Foreseen?" section (golden file); an unlinked one is byte for byte the draft it was
 * before pre-mortems existed.
 */
class ForeseenGoldenTest {

    private final PostmortemDraft draft = new PostmortemDraft();

    static PremortemLink link(OptionalInt happened, boolean rollbackUsed) {
        Premortem premortem = new Premortem(3, "Roll out the new checkout connection pool <!channel>", "U0PRIYA",
                Instant.parse("2026-03-20T10:00:00Z"), false, Optional.of("C0PRE3"), Optional.of("1.2"),
                Optional.of("Set max_connections back with the runtime flag: 2 minutes"),
                Optional.of(Instant.parse("2026-03-20T11:00:00Z")));
        return new PremortemLink(premortem, List.of(
                new Risk(1, "The pool limit is per pod and the DB allows 40 in total", Optional.of("U0KIM"),
                        Optional.of("Alert at 80% of the pool")),
                new Risk(2, "Payments webhooks arrive twice during the switch", Optional.empty(), Optional.empty())),
                happened, rollbackUsed);
    }

    @Test
    void aLinkedIncident_listsThePremortemsRisks_markingTheOneThatHappened_andTheRollback() throws IOException {
        String markdown = draft.render(PostmortemDraftGoldenTest.acrossDstInBerlin(),
                Optional.of(link(OptionalInt.of(1), true))).markdown();

        Goldens.assertMatches("dst-berlin-foreseen.md", markdown);
        assertThat(markdown).contains("## Foreseen?").contains("- [x] 1. The pool limit is per pod")
                .contains("**this happened**").contains("- [ ] 2. Payments webhooks").contains("— **used**.")
                .doesNotContain("<!channel>");
    }

    @Test
    void aLinkWithoutTheRiskThatHappened_saysSo_andHowToMarkIt() {
        String markdown = draft.render(PostmortemDraftGoldenTest.acrossDstInBerlin(),
                Optional.of(link(OptionalInt.empty(), false))).markdown();

        assertThat(markdown).contains("None of its risks is marked as what happened")
                .contains("`/incident link premortem 3 risk <n>`").contains("— not used.").doesNotContain("**this happened**");
    }

    @Test
    void anUnlinkedIncident_hasNoForeseenSection() throws IOException {
        String markdown = draft.render(PostmortemDraftGoldenTest.acrossDstInBerlin(), Optional.empty()).markdown();

        Goldens.assertMatches("dst-berlin.md", markdown);
        assertThat(markdown).doesNotContain("Foreseen?");
    }
}
