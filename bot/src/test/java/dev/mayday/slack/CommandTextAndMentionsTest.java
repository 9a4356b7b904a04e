package dev.mayday.slack;

import dev.mayday.slack.handlers.CommandText;
import dev.mayday.slack.views.Mentions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTextAndMentionsTest {

    @Test
    void parse_emptyText_isEmptyCommand() {
        CommandText command = CommandText.parse("");

        assertThat(command.isEmpty()).isTrue();
        assertThat(command.subcommand()).isEmpty();
        assertThat(command.rest()).isEmpty();
    }

    @Test
    void parse_blankOrMissingText_isEmptyCommand() {
        assertThat(CommandText.parse("   ").isEmpty()).isTrue();
        assertThat(CommandText.parse(null).isEmpty()).isTrue();
    }

    @Test
    void parse_lowercasesSubcommandAndKeepsInnerSpacingOfRest() {
        CommandText command = CommandText.parse("  DECLARE sev2  Title here ");

        assertThat(command.isEmpty()).isFalse();
        assertThat(command.subcommand()).isEqualTo("declare");
        assertThat(command.rest()).isEqualTo("sev2  Title here");
    }

    @Test
    void parse_singleWord_hasEmptyRest() {
        CommandText command = CommandText.parse("Close");

        assertThat(command.subcommand()).isEqualTo("close");
        assertThat(command.rest()).isEmpty();
    }

    @Test
    void parse_splitsOnAnyWhitespace() {
        CommandText command = CommandText.parse("note\tdeploy rolled back");

        assertThat(command.subcommand()).isEqualTo("note");
        assertThat(command.rest()).isEqualTo("deploy rolled back");
    }

    @Test
    void shift_takesTheNextWordOfTheRest() {
        CommandText shifted = CommandText.parse("  DECLARE sev2  Title here ").shift();

        assertThat(shifted.subcommand()).isEqualTo("sev2");
        assertThat(shifted.rest()).isEqualTo("Title here");
    }

    @Test
    void shift_pastTheLastWord_isEmpty() {
        CommandText shifted = CommandText.parse("close").shift();

        assertThat(shifted.isEmpty()).isTrue();
        assertThat(shifted.rest()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ' ', value = {
            "<@U123ABC|alex> U123ABC",
            "<@U123ABC> U123ABC",
            "<@W123> W123",
            "<@U0ALEX|alex.smith> U0ALEX"})
    void userId_readsEscapedMentions(String token, String expectedId) {
        assertThat(Mentions.userId(token)).contains(expectedId);
    }

    @Test
    void userId_ignoresSurroundingWhitespace() {
        assertThat(Mentions.userId("  <@U123ABC>  ")).contains("U123ABC");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"@alex", "U123", "<#C123|general>", "<@C123>", "<@>", "<@U123", "", "<@U123> and more"})
    void userId_rejectsAnythingButAUserMention(String token) {
        assertThat(Mentions.userId(token)).isEmpty();
    }

    @Test
    void of_writesAMentionThatUserIdReadsBack() {
        assertThat(Mentions.of("U123ABC")).isEqualTo("<@U123ABC>");
        assertThat(Mentions.userId(Mentions.of("U123ABC"))).contains("U123ABC");
    }
}
