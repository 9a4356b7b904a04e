package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclareTextTest {

    @Test
    void titleAlone_isAPublicSev3() {
        assertThat(DeclareText.parse("Checkout is down"))
                .isEqualTo(new DeclareText(Severity.SEV3, false, false, "Checkout is down"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--private sev1 Payroll Export leaked", "sev1 --private Payroll Export leaked",
            "  --PRIVATE   SEV1   Payroll Export leaked "})
    void privateAndSeverity_inEitherOrder_keepTheTitleAsTyped(String text) {
        assertThat(DeclareText.parse(text)).isEqualTo(new DeclareText(Severity.SEV1, true, false, "Payroll Export leaked"));
    }

    @Test
    void wordsAfterTheTitleStarts_belongToTheTitle() {
        assertThat(DeclareText.parse("sev2 Disk full on --private host sev1"))
                .isEqualTo(new DeclareText(Severity.SEV2, false, false, "Disk full on --private host sev1"));
    }

    @Test
    void aMistypedOption_isRefused_neverTakenForTheTitle() {
        assertThatThrownBy(() -> DeclareText.parse("--privte Payroll leaked"))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("`--privte` is not an option").hasMessageContaining("--private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--drill --private sev2 Checkout game day", "sev2 --drill --private Checkout game day",
            "--private sev2 --DRILL Checkout game day", " --drill  sev2   --private Checkout game day"})
    void drill_withPrivateAndSeverity_inAnyOrder_isAPracticeIncident(String text) {
        assertThat(DeclareText.parse(text))
                .isEqualTo(new DeclareText(Severity.SEV2, true, true, "Checkout game day"));
    }

    @Test
    void drillAlone_isAPublicSev3Practice() {
        assertThat(DeclareText.parse("--drill Checkout game day"))
                .isEqualTo(new DeclareText(Severity.SEV3, false, true, "Checkout game day"));
    }

    @Test
    void aMistypedDrill_isRefused_neverDeclaredAsARealIncident() {
        assertThatThrownBy(() -> DeclareText.parse("--dril sev1 Checkout game day"))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("`--dril` is not an option").hasMessageContaining("--drill");
    }

    @Test
    void aSeverityOutOfRange_isRefused() {
        assertThatThrownBy(() -> DeclareText.parse("--private sev9 Payroll leaked"))
                .isInstanceOf(IncidentRuleViolation.class).hasMessageContaining("`sev9` is not a severity");
    }

    @Test
    void noTitle_isAnEmptyTitle_forTheDeclarationToRefuse() {
        assertThat(DeclareText.parse("--private sev1").title()).isEmpty();
    }
}
