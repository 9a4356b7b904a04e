package dev.mayday.incident;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "sev2|SEV2",
            "SEV2|SEV2",
            "2|SEV2",
            " sev4 |SEV4",
            "Sev1|SEV1",
            "3|SEV3"})
    void parse_acceptsNameInAnyCaseOrBareNumber(String text, Severity expected) {
        assertThat(Severity.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is no severity")
    @ValueSource(strings = {"sev9", "5", "0", "", "   ", "severe", "sev", "sev 2", "sev22"})
    void parse_rejectsAnythingElse(String text) {
        assertThat(Severity.parse(text)).isEmpty();
    }
}
