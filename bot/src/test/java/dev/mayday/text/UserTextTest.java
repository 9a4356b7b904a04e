package dev.mayday.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored text, in either encoding, written for each place it goes. */
class UserTextTest {

    @Test
    void broadcasts_areInertEverywhere() {
        String stored = "<!channel> <!here|here> <!everyone> checkout down";

        assertThat(UserText.inert(stored)).isEqualTo("@channel @here @everyone checkout down");
        assertThat(UserText.inChannel(stored)).isEqualTo("@channel @here @everyone checkout down");
        assertThat(UserText.plain(stored)).isEqualTo("@channel @here @everyone checkout down");
    }

    @Test
    void userGroups_areInertEverywhere() {
        assertThat(UserText.inChannel("ask <!subteam^S0ONCALL|@oncall> and <!subteam^S0DB>"))
                .isEqualTo("ask @oncall and @usergroup");
    }

    @Test
    void aPersonsMention_worksInTheIncidentChannel_andIsANameElsewhere() {
        String stored = "ping <@U0KIM|kim> and <@U0SAM>";

        assertThat(UserText.inChannel(stored)).isEqualTo("ping <@U0KIM> and <@U0SAM>");
        assertThat(UserText.inert(stored)).isEqualTo("ping @kim and @U0SAM");
        assertThat(UserText.plain(stored)).isEqualTo("ping @kim and @U0SAM");
    }

    @Test
    void aDisguisedLink_showsItsRealAddress() {
        String raw = "API slow <https://evil.example/login|Click to re-authenticate>";

        assertThat(UserText.inert(raw)).isEqualTo("API slow <https://evil.example/login> (Click to re-authenticate)");
        assertThat(UserText.inChannel(raw)).isEqualTo("API slow <https://evil.example/login> (Click to re-authenticate)");
        assertThat(UserText.plain(raw)).isEqualTo("API slow https://evil.example/login (Click to re-authenticate)");
    }

    @Test
    void aLinkWithoutALabel_orLabelledWithItself_isJustTheAddress() {
        assertThat(UserText.inert("see <https://a.example/x?a=1&amp;b=2>")).isEqualTo("see <https://a.example/x?a=1&amp;b=2>");
        assertThat(UserText.inert("<https://a.example|https://a.example>")).isEqualTo("<https://a.example>");
    }

    @Test
    void bidiOverrides_cannotReverseAnAddress() {
        String stored = "<https://evil.example/\u202Emoc.elgoog|x> \u202Etext\u2066";

        assertThat(UserText.inert(stored)).isEqualTo("<https://evil.example/moc.elgoog> (x) text");
    }

    @Test
    void anAddressThatIsNotALink_isText() {
        assertThat(UserText.inert("<javascript://alert(1)|Open>")).isEqualTo("javascript://alert(1) (Open)");
        assertThat(UserText.inert("<https://a.example/x y|z>")).isEqualTo("https://a.example/x y (z)");
    }

    @Test
    void slackEscapedCharacters_stayCharacters() {
        String stored = "p99 &lt;!channel&gt; &amp; &lt;200ms";

        assertThat(UserText.inert(stored)).isEqualTo("p99 &lt;!channel&gt; &amp; &lt;200ms");
        assertThat(UserText.plain(stored)).isEqualTo("p99 ‹!channel› & ‹200ms");
    }

    @Test
    void rawCharacters_areEscaped_andALoneAmpersandStaysOne() {
        String raw = "a < b & c > d AT&T";

        assertThat(UserText.inert(raw)).isEqualTo("a &lt; b &amp; c &gt; d AT&amp;T");
        assertThat(UserText.plain(raw)).isEqualTo("a ‹ b & c › d AT&T");
    }

    @Test
    void formatting_andEmoji_areLeftAsWritten() {
        assertThat(UserText.inChannel("*bold* _it_ ~x~ `code` :fire: 🔥")).isEqualTo("*bold* _it_ ~x~ `code` :fire: 🔥");
    }

    @Test
    void channelLinks_stayLinks_inMrkdwn_andNamesInPlainText() {
        assertThat(UserText.inert("see <#C0OPS|ops>")).isEqualTo("see <#C0OPS>");
        assertThat(UserText.plain("see <#C0OPS|ops>")).isEqualTo("see #ops");
        assertThat(UserText.inert("<#not an id|x>")).isEqualTo("#x");
    }

    @Test
    void nothing_isNothing() {
        assertThat(UserText.inert(null)).isEmpty();
        assertThat(UserText.plain("")).isEmpty();
    }
}
