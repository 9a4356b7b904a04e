package dev.mayday.postmortem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the detector on two hand-written corpora of incident-channel sentences: recall on sentences that blame
 * a person, false positives on neutral ones (many of which use the same words harmlessly).
 */
class BlamelessCorpusTest {

    private final BlamelessReview review = new BlamelessReview();

    @Test
    void corpus_recallAtLeast90Percent_falsePositivesAtMost10Percent() throws IOException {
        List<String> blameful = corpus("blameful.txt");
        List<String> neutral = corpus("neutral.txt");
        assertThat(blameful).hasSizeGreaterThanOrEqualTo(40);
        assertThat(neutral).hasSizeGreaterThanOrEqualTo(40);

        List<String> missed = blameful.stream().filter(s -> review.scan(s).isEmpty()).toList();
        List<String> falseAlarms = neutral.stream().filter(s -> !review.scan(s).isEmpty()).toList();
        double recall = 1.0 - (double) missed.size() / blameful.size();
        double falsePositiveRate = (double) falseAlarms.size() / neutral.size();

        System.out.printf("Blameless review: recall %.3f (%d of %d blameful sentences flagged), "
                        + "false-positive rate %.3f (%d of %d neutral sentences flagged)%n",
                recall, blameful.size() - missed.size(), blameful.size(),
                falsePositiveRate, falseAlarms.size(), neutral.size());
        missed.forEach(s -> System.out.println("  missed:      " + s));
        falseAlarms.forEach(s -> System.out.println("  false alarm: " + s + " " + review.scan(s)));

        assertThat(recall).isGreaterThanOrEqualTo(0.9);
        assertThat(falsePositiveRate).isLessThanOrEqualTo(0.1);
    }

    static List<String> corpus(String name) throws IOException {
        try (InputStream in = BlamelessCorpusTest.class.getResourceAsStream("/postmortem/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
