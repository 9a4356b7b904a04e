package dev.mayday.postmortem;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack markup in, Markdown out: mentions named, links kept, nothing that can break the layout. */
class DraftTextTest {

    private static String markdown(String raw, int limit) {
        StringBuilder out = new StringBuilder();
        MarkdownText.write(out, SlackText.parse(raw, PersonNames.userIds()), limit);
        return out.toString();
    }

    @Test
    void slackMarkup_becomesReadableMarkdown() {
        String raw = "ping <@U0KIM|kim> in <#C0OPS|ops>, see <https://grafana.example.com/d/x?a=1&amp;b=(2)|graph>"
                + " &lt;p99&gt; *now* | <!here>\nnext line";

        // a link reads as its real address, whatever its label claims; the label follows in brackets
        assertThat(markdown(raw, Integer.MAX_VALUE)).isEqualTo("ping @U0KIM in #ops, see "
                + "[https://grafana.example.com/d/x?a=1&b=(2)](https://grafana.example.com/d/x?a=1&b=%282%29) (graph)"
                + " \\<p99\\> \\*now\\* \\| @here next line");
    }

    @Test
    void underscoreInsideAWord_staysReadable() {
        assertThat(MarkdownText.escape("max_connections _really_")).isEqualTo("max_connections \\_really\\_");
    }

    @Test
    void longText_isCutAtAWordWithAnEllipsis() {
        String raw = "word ".repeat(100);

        String cut = markdown(raw, 200);

        assertThat(cut).endsWith("word…");
        assertThat(cut.length()).isLessThanOrEqualTo(201);
    }

    @Test
    void plain_keepsLineBreaks_forSentences() {
        assertThat(SlackText.plain("first line\nsecond <@U1>", PersonNames.userIds())).isEqualTo("first line\nsecond @U1");
        assertThat(Sentences.split("one\ntwo. three")).containsExactly("one", "two.", "three");
    }

    @Test
    void durations_readNaturally() {
        assertThat(List.of(Duration.ofSeconds(45), Duration.ofSeconds(125), Duration.ofMinutes(65),
                Duration.ofHours(50).plusMinutes(3)).stream().map(LocalTimes::duration))
                .containsExactly("45 s", "2 min 5 s", "1 h 5 min", "2 d 2 h 3 min");
    }
}
