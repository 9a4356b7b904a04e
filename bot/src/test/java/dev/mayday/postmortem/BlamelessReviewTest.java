package dev.mayday.postmortem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlamelessReviewTest {

    private final BlamelessReview review = new BlamelessReview();

    @ParameterizedTest
    @ValueSource(strings = {
            "the build should have the flag set",
            "The alert should have fired at 80%.",
            "You should have access now.",
            "Our error handling returned a 200 on timeout.",
            "We tested with fault injection last month.",
            "The consumer is fault-tolerant.",
            "This is a no blame review.",
            "git blame points at PR 4411.",
            "We want a blame-free write-up.",
            "Switched the mapper to lazy loading.",
            "The schema change broke the reporting job.",
            "Forgot to mention, the purge is done.",
            "It's nobody's fault, the script had no dry run.",
            "The on-call should have been paged, the schedule had a gap.",
            "Stupidly simple fix: bump the pool size.",
            "Humans make errors and the tooling should catch them.",
    })
    void scan_neutralUse_findsNothing(String sentence) {
        assertThat(review.scan(sentence)).as(sentence).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "This was human error.",
            "It's Dana's fault.",
            "Totally <@U0ALEX>'s fault, honestly.",
            "@U0ALEX's fault again",
            "Dana should have checked the dashboard.",
            "you shouldn't have restarted all replicas",
            "Someone forgot to renew the cert.",
            "I blame the release process owner.",
            "Not blaming anyone, but Sam pushed to main.",
            "That was CARELESS.",
            "Who broke prod?",
            "Chris broke staging again.",
            "He didn't bother to read the alert.",
            "She dropped the ball on the hand-off.",
            "He wasn't paying attention.",
            "Tom fat-fingered the replica count.",
    })
    void scan_blamingPhrase_isFound(String sentence) {
        assertThat(review.scan(sentence.replace("<@U0ALEX>", "@U0ALEX"))).as(sentence).isNotEmpty();
    }

    @Test
    void scan_matchesWholeWordsOnly() {
        assertThat(review.scan("The blameless format helps.")).isEmpty();
        assertThat(review.scan("Careless")).extracting(BlamelessReview.Match::phrase).containsExactly("careless");
        assertThat(review.scan("the caches are lazy-loaded")).isEmpty();
    }

    @Test
    void scan_quotesTheSentence_notTheWholeMessage() {
        List<BlamelessReview.Match> matches = review.scan(
                "Rolled back at 14:02. Honestly that was human error on the flag!   Error rate is down now.");

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.sentence()).isEqualTo("Honestly that was human error on the flag!");
            assertThat(m.phrase()).isEqualTo("human error");
            assertThat(m.suggestion()).contains("missing guard");
        });
    }

    @Test
    void scan_curlyApostrophe_isTheSameAsStraight() {
        assertThat(review.scan("It’s Dana’s fault.")).extracting(BlamelessReview.Match::phrase)
                .containsExactly("dana's fault");
    }

    @Test
    void review_keepsWhoWroteIt_soTheyCanRewordIt() {
        CapturedText text = new CapturedText("U0MARCO", "message", Instant.EPOCH, "1.000100",
                "Dana should have checked. Also it was careless.");

        List<BlameFinding> findings = review.review(List.of(text));

        assertThat(findings).extracting(BlameFinding::phrase).containsExactly("should have", "careless");
        assertThat(findings).allSatisfy(f -> assertThat(f.from().author()).isEqualTo("U0MARCO"));
        assertThat(findings.get(0).suggestion()).contains("what would have helped at the time");
    }
}
