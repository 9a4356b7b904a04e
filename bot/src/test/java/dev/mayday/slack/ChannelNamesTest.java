package dev.mayday.slack;

import dev.mayday.slack.delivery.ChannelNames;
import dev.mayday.slack.delivery.ChannelPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNamesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    private static final String PREFIX = "inc-20260314-";

    @Test
    void forIncident_isIncDateAndSlugOfTitle() {
        assertThat(ChannelNames.forIncident(DAY, "Checkout is down", 1)).isEqualTo("inc-20260314-checkout-is-down");
    }

    @Test
    void forIncident_usesTheGivenDay() {
        assertThat(ChannelNames.forIncident(LocalDate.of(2025, 1, 5), "db", 1)).isEqualTo("inc-20250105-db");
    }

    @Test
    void forIncident_lowercases() {
        assertThat(ChannelNames.forIncident(DAY, "API GATEWAY Timeouts", 1)).isEqualTo(PREFIX + "api-gateway-timeouts");
    }

    @Test
    void forIncident_foldsAccents() {
        assertThat(ChannelNames.forIncident(DAY, "Café", 1)).isEqualTo(PREFIX + "cafe");
        assertThat(ChannelNames.forIncident(DAY, "Zürich", 1)).isEqualTo(PREFIX + "zurich");
        assertThat(ChannelNames.forIncident(DAY, "São Paulo", 1)).isEqualTo(PREFIX + "sao-paulo");
    }

    @Test
    void forIncident_collapsesRunsOfSymbolsIntoOneDash() {
        assertThat(ChannelNames.forIncident(DAY, "db  --  down!!! (again) / EU_west", 1))
                .isEqualTo(PREFIX + "db-down-again-eu-west");
    }

    @Test
    void forIncident_dropsLeadingAndTrailingSymbols() {
        assertThat(ChannelNames.forIncident(DAY, "  ***Login broken***  ", 1)).isEqualTo(PREFIX + "login-broken");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"🔥🔥🔥", "!!!", "--- ___ ...", "🚨 ⚠️ 💥", "中文标题"})
    void forIncident_titleWithNothingUsable_fallsBackToIncidentNumber(String title) {
        assertThat(ChannelNames.forIncident(DAY, title, 42)).isEqualTo(PREFIX + "incident-42");
    }

    @Test
    void forIncident_keepsUsableWordsBetweenEmoji() {
        assertThat(ChannelNames.forIncident(DAY, "🔥 Payments 🔥 down 🔥", 42)).isEqualTo(PREFIX + "payments-down");
    }

    @Test
    void forIncident_longTitle_isCutTo80WithoutTrailingDash() {
        // shifting the words moves the 80-character cut across letters and word breaks alike
        for (int shift = 1; shift <= 4; shift++) {
            String title = "a".repeat(shift) + " " + "abc ".repeat(75);
            assertThat(title).hasSizeGreaterThanOrEqualTo(300);

            String name = ChannelNames.forIncident(DAY, title, 1);

            assertThat(name).startsWith(PREFIX + "a".repeat(shift) + "-abc");
            assertThat(name.length()).isBetween(ChannelNames.MAX_LENGTH - 1, ChannelNames.MAX_LENGTH);
            assertThat(name).doesNotEndWith("-");
        }
    }

    @Test
    void withSuffix_appendsDashAndNumber() {
        assertThat(ChannelNames.withSuffix(PREFIX + "checkout", 2)).isEqualTo(PREFIX + "checkout-2");
    }

    @Test
    void withSuffix_on80CharBase_shortensBaseToStayWithin80() {
        String base = PREFIX + "x".repeat(ChannelNames.MAX_LENGTH - PREFIX.length());
        assertThat(base).hasSize(80);

        assertThat(ChannelNames.withSuffix(base, 2)).hasSize(80).endsWith("x-2").startsWith(base.substring(0, 78));
        assertThat(ChannelNames.withSuffix(base, 10)).hasSize(80).endsWith("x-10");
    }

    @Test
    void withSuffix_whenCutLandsOnDash_doesNotDoubleTheDash() {
        String base = PREFIX + "x".repeat(64) + "-yy"; // 80 chars, a '-' at index 77
        assertThat(base).hasSize(80);

        String name = ChannelNames.withSuffix(base, 2);

        assertThat(name).doesNotContain("--").endsWith("x-2").hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void candidate_triesTheNumberedSuffixesThenTheIncidentNumberWithoutEnd() {
        String base = ChannelNames.forIncident(DAY, "High CPU on web-1", 21);
        String byNumber = ChannelNames.byNumber("High CPU on web-1", 21);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(i -> ChannelNames.candidate(base, byNumber, i)))
                .containsExactly(PREFIX + "high-cpu-on-web-1", PREFIX + "high-cpu-on-web-1-2", PREFIX + "high-cpu-on-web-1-3",
                        PREFIX + "high-cpu-on-web-1-4", PREFIX + "high-cpu-on-web-1-5", "inc-21-high-cpu-on-web-1",
                        "inc-21-high-cpu-on-web-1-2", "inc-21-high-cpu-on-web-1-3");
        assertThat(ChannelNames.candidate(base, byNumber, 10_000)).isEqualTo("inc-21-high-cpu-on-web-1-9995");
    }

    @Test
    void aDrill_getsTheSameNamesUnderTheDrillPrefix_andNeverAnIncidentsName() {
        String base = ChannelNames.forDay(ChannelPrefix.DRILL, DAY, "Checkout game day", 21);
        String byNumber = ChannelNames.byNumber(ChannelPrefix.DRILL, "Checkout game day", 21);

        assertThat(base).isEqualTo("drill-20260314-checkout-game-day");
        assertThat(ChannelNames.candidate(base, byNumber, 2)).isEqualTo("drill-20260314-checkout-game-day-2");
        assertThat(ChannelNames.candidate(base, byNumber, 6)).isEqualTo("drill-21-checkout-game-day");
        assertThat(ChannelNames.forDay(ChannelPrefix.DRILL, DAY, "x".repeat(200), 1)).hasSize(80);
        for (int i = 1; i <= 20; i++) {
            assertThat(ChannelNames.candidate(base, byNumber, i)).startsWith("drill-").doesNotStartWith("inc-");
        }
    }

    @Test
    void byNumber_isValidWithinEightyAndFallsBackToTheNumberAlone() {
        assertThat(ChannelNames.byNumber("🔥🔥", 7)).isEqualTo("inc-7");
        String name = ChannelNames.byNumber("x".repeat(200), 123_456);
        assertThat(name).hasSize(ChannelNames.MAX_LENGTH).startsWith("inc-123456-xxx");
        assertThat(ChannelNames.withSuffix(name, 12)).hasSize(ChannelNames.MAX_LENGTH).startsWith("inc-123456-").endsWith("x-12");
    }

    @Test
    void byNumber_isNeverANameAnotherIncidentTries() {
        // another incident's names all start inc-<8-digit date>-: the number name of incident 12 or 1234 cannot be one
        for (long id : new long[]{1, 12, 1234, 9_999_999}) {
            String mine = ChannelNames.byNumber("db", id);
            for (long other = 1; other <= 50; other++) {
                String otherBase = ChannelNames.forIncident(DAY, "db", other);
                for (int i = 1; i <= 20; i++) {
                    if (other != id) {
                        assertThat(ChannelNames.candidate(otherBase, ChannelNames.byNumber("db", other), i))
                                .isNotEqualTo(mine);
                    }
                }
            }
        }
    }

    @Test
    void forIncident_randomTitles_alwaysGiveValidSlackNames() {
        Random random = new Random(20260314L);
        String[] pieces = {"a", "Z", "7", " ", "-", "_", ".", "!", "?", "/", "\\", "#", "@", "&", "(", ")", "\t", "\n",
                "é", "Ü", "ñ", "ç", "ß", "ø", "Å", "İ", "ﬁ", "①", "Ⅻ", "α", "Ж", "中", "ع", "🔥", "🚨", "👩‍💻", "⚠️",
                "\u0301", "\u200B", "\uFE0F", "™", "½", "Ａ", "９"};
        for (int i = 0; i < 500; i++) {
            StringBuilder title = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 300 : 40);
            for (int j = 0; j < length; j++) {
                title.append(pieces[random.nextInt(pieces.length)]);
            }
            long id = 1 + random.nextInt(100_000);

            String name = ChannelNames.forIncident(DAY, title.toString(), id);

            assertThat(name).as("name for title \"%s\"", title)
                    .matches("[a-z0-9_-]{1,80}")
                    .startsWith("inc-")
                    .doesNotEndWith("-")
                    .doesNotContain("--");
        }
    }

    @Test
    void aPremortem_getsThePrePrefix_withTheSameRules_andItsOwnNumberNames() {
        assertThat(ChannelNames.forDay(ChannelPrefix.PREMORTEM, DAY, "Migrate Café checkout", 3))
                .isEqualTo("pre-20260314-migrate-cafe-checkout");
        assertThat(ChannelNames.forDay(ChannelPrefix.PREMORTEM, DAY, "🔥", 3)).isEqualTo("pre-20260314-premortem-3");
        assertThat(ChannelNames.byNumber(ChannelPrefix.PREMORTEM, "db", 3)).isEqualTo("pre-3-db");
        assertThat(ChannelNames.forDay(ChannelPrefix.PREMORTEM, DAY, "x".repeat(200), 3)).hasSize(ChannelNames.MAX_LENGTH);
        assertThat(ChannelNames.forDay(ChannelPrefix.INCIDENT, DAY, "db", 3)).isEqualTo(ChannelNames.forIncident(DAY, "db", 3));
        // no name of one kind is a name of the other: an incident never adopts a pre-mortem's channel
        for (int i = 1; i <= 12; i++) {
            String pre = ChannelNames.candidate(ChannelNames.forDay(ChannelPrefix.PREMORTEM, DAY, "db", 3),
                    ChannelNames.byNumber(ChannelPrefix.PREMORTEM, "db", 3), i);
            assertThat(pre).startsWith("pre-");
        }
    }
}
