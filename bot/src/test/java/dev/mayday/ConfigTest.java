package dev.mayday;

import dev.mayday.digest.DigestSchedule;
import dev.mayday.drill.BackupConfig;
import dev.mayday.incident.Severity;
import dev.mayday.reminder.ReminderSchedule;
import dev.mayday.rotation.DutyAdmins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    private static final String TOKEN = "xoxb-1234-secret-token";
    private static final String SECRET = "8f14e45fceea167a5a36dedd4bea2543";

    private static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    @Test
    void fromEnvironment_readsTheTokenAndSecret() {
        Config config = Config.fromEnvironment(env());

        assertThat(config.slackBotToken()).isEqualTo(TOKEN);
        assertThat(config.slackSigningSecret()).isEqualTo(SECRET);
    }

    @Test
    void fromEnvironment_withoutBotToken_namesTheVariable() {
        Map<String, String> env = env();
        env.remove("SLACK_BOT_TOKEN");

        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
    }

    @Test
    void logFormat_isTextByDefault_jsonWhenAsked_andAnythingElseNamesTheVariable() {
        assertThat(Config.logFormat(env())).isEqualTo(LogFormat.TEXT);
        assertThat(Config.logFormat(env("LOG_FORMAT", "json"))).isEqualTo(LogFormat.JSON);
        assertThat(Config.logFormat(env("LOG_FORMAT", "JSON"))).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> Config.logFormat(env("LOG_FORMAT", "yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("LOG_FORMAT must be text or json, got: yaml");
    }

    @Test
    void fromEnvironment_withBlankBotToken_namesTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(env("SLACK_BOT_TOKEN", "   ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
    }

    @Test
    void fromEnvironment_withoutSigningSecret_namesTheVariable() {
        Map<String, String> env = env();
        env.remove("SLACK_SIGNING_SECRET");

        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void fromEnvironment_withOnlyTheSecrets_usesDefaults() {
        Config config = Config.fromEnvironment(env());

        assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:mayday.db");
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.teamZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.incidentsChannel()).isEmpty();
    }

    @Test
    void fromEnvironment_readsEveryOptionalVariable() {
        Config config = Config.fromEnvironment(env(
                "SLACK_API_URL", "http://localhost:9999/api/",
                "DATABASE_URL", "jdbc:sqlite:/data/mayday.db",
                "PORT", "8080",
                "TEAM_TIMEZONE", "Europe/Berlin",
                "INCIDENTS_CHANNEL", "C0INCIDENTS"));

        assertThat(config.slackApiUrl()).isEqualTo("http://localhost:9999/api/");
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/data/mayday.db");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.teamZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.incidentsChannel()).contains("C0INCIDENTS");
    }

    @Test
    void fromEnvironment_apiUrlWithoutTrailingSlash_getsOne() {
        Config config = Config.fromEnvironment(env("SLACK_API_URL", "http://localhost:9999/api"));

        assertThat(config.slackApiUrl()).isEqualTo("http://localhost:9999/api/");
    }

    @ParameterizedTest(name = "PORT={0}")
    @ValueSource(strings = {"abc", "70000", "-1", "30 00"})
    void fromEnvironment_badPort_namesTheVariable(String port) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("PORT", port)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PORT")
                .hasMessageContaining(port);
    }

    @Test
    void fromEnvironment_badTimezone_namesTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(env("TEAM_TIMEZONE", "Mars/Base")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TEAM_TIMEZONE")
                .hasMessageContaining("Mars/Base");
    }

    @Test
    void fromEnvironment_withoutLeadHandoffHours_offersAfterFourHours() {
        assertThat(Config.fromEnvironment(env()).leadHandoffAfter()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void fromEnvironment_readsLeadHandoffHours() {
        Config config = Config.fromEnvironment(env("LEAD_HANDOFF_HOURS", " 6 "));

        assertThat(config.leadHandoffAfter()).isEqualTo(Duration.ofHours(6));
    }

    @ParameterizedTest(name = "LEAD_HANDOFF_HOURS={0}")
    @ValueSource(strings = {"0", "-2", "4.5", "four", "169", "4h"})
    void fromEnvironment_badLeadHandoffHours_namesTheVariable(String hours) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("LEAD_HANDOFF_HOURS", hours)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEAD_HANDOFF_HOURS")
                .hasMessageContaining(hours);
    }

    @Test
    void fromEnvironment_updateRemindersDefault_isSev1To3On_sev4Off() {
        ReminderSchedule schedule = Config.fromEnvironment(env()).updateReminders();

        assertThat(schedule.intervalFor(Severity.SEV1)).contains(Duration.ofMinutes(15));
        assertThat(schedule.intervalFor(Severity.SEV2)).contains(Duration.ofMinutes(30));
        assertThat(schedule.intervalFor(Severity.SEV3)).contains(Duration.ofMinutes(60));
        assertThat(schedule.intervalFor(Severity.SEV4)).isEmpty();
    }

    @Test
    void fromEnvironment_readsUpdateReminders_inMinutesOrHours_leftOutMeansOff() {
        ReminderSchedule schedule = Config.fromEnvironment(env("UPDATE_REMINDERS", " SEV1=10m, sev2=2h ,sev3=off"))
                .updateReminders();

        assertThat(schedule.intervalFor(Severity.SEV1)).contains(Duration.ofMinutes(10));
        assertThat(schedule.intervalFor(Severity.SEV2)).contains(Duration.ofHours(2));
        assertThat(schedule.intervalFor(Severity.SEV3)).isEmpty();
        assertThat(schedule.intervalFor(Severity.SEV4)).isEmpty();
    }

    @ParameterizedTest(name = "UPDATE_REMINDERS={0}")
    @ValueSource(strings = {"sev1=15", "sev1=0m", "sev5=15m", "sev1=15m,sev1=30m", "sev1=-5m", "sev1=169h",
            "sev1=15min", "sev1 15m", "every 15m"})
    void fromEnvironment_badUpdateReminders_namesTheVariableAndTheEntry(String setting) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("UPDATE_REMINDERS", setting)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("UPDATE_REMINDERS must look like sev1=15m,sev2=30m,sev3=60m,sev4=off")
                .hasMessageNotContaining("\n");
    }

    @Test
    void toString_neverContainsTokenOrSecret() {
        Config config = Config.fromEnvironment(env("INCIDENTS_CHANNEL", "C0INCIDENTS"));

        assertThat(config.toString())
                .doesNotContain(TOKEN)
                .doesNotContain(SECRET)
                .contains("C0INCIDENTS")
                .contains("3000");
    }

    @Test
    void metricsToken_isOptional_readWhenSet_andNeverShown() {
        assertThat(Config.fromEnvironment(env()).metrics().token()).isEmpty();

        Config config = Config.fromEnvironment(env("METRICS_TOKEN", "scrape-secret-0123456789"));

        assertThat(config.metrics().token()).contains("scrape-secret-0123456789");
        assertThat(config.toString()).doesNotContain("scrape-secret-0123456789").contains("token=***");
    }

    @Test
    void metricsToken_withASpaceInIt_namesTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(env("METRICS_TOKEN", "two words")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("METRICS_TOKEN must not contain spaces");
    }

    @Test
    void digest_defaultsToMondayNineWithATwentyHourBudgetAndNoChannel() {
        Config config = Config.fromEnvironment(env());

        assertThat(config.digest().channel()).isEmpty();
        assertThat(config.digest().schedule().format()).isEqualTo("MON 09:00");
        assertThat(config.digest().budgetHours()).isEqualTo(20.0);
    }

    @Test
    void digest_readsChannelScheduleAndBudget() {
        Config config = Config.fromEnvironment(env("DIGEST_CHANNEL", "C0LEARN", "DIGEST_SCHEDULE", "FRI 16:30",
                "INCIDENT_BUDGET_HOURS", "12.5"));

        assertThat(config.digest().channel()).contains("C0LEARN");
        assertThat(config.digest().schedule().format()).isEqualTo("FRI 16:30");
        assertThat(config.digest().budgetHours()).isEqualTo(12.5);
    }

    @Test
    void backups_areOffByDefault_andReadDirScheduleAndKeep() {
        assertThat(Config.fromEnvironment(env()).backups()).isEqualTo(BackupConfig.off());

        Config config = Config.fromEnvironment(env("BACKUP_DIR", "/var/backups/mayday", "BACKUP_SCHEDULE", "daily 03:30",
                "BACKUP_KEEP", "14", "TEAM_TIMEZONE", "Europe/Berlin"));

        assertThat(config.backups().dir()).contains(Path.of("/var/backups/mayday"));
        assertThat(config.backups().schedule()).hasValueSatisfying(s -> {
            assertThat(s.format()).isEqualTo("daily 03:30");
            assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        });
        assertThat(config.backups().keep()).isEqualTo(14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BACKUP_SCHEDULE=hourly", "BACKUP_KEEP=0", "BACKUP_KEEP=seven", "BACKUP_SCHEDULE_ALONE"})
    void backups_badValues_stopWithOneLineNamingTheVariable(String setting) {
        Map<String, String> env = setting.equals("BACKUP_SCHEDULE_ALONE")
                ? env("BACKUP_SCHEDULE", "daily 03:00")
                : env("BACKUP_DIR", "/tmp/b", setting.split("=")[0], setting.split("=")[1]);

        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(setting.split("=")[0].replace("_ALONE", ""))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MONDAY 09:00", "MON 9", "MON 25:00", "09:00"})
    void digest_invalidSchedule_stopsWithOneLineNamingTheVariable(String schedule) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("DIGEST_SCHEDULE", schedule)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DIGEST_SCHEDULE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "lots"})
    void digest_invalidBudget_namesTheVariable(String budget) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("INCIDENT_BUDGET_HOURS", budget)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INCIDENT_BUDGET_HOURS");
    }

    @Test
    void dutyAdmins_unset_letsEveryoneChangeAnyone() {
        assertThat(Config.fromEnvironment(env()).dutyAdmins()).isEqualTo(DutyAdmins.everyone());
        assertThat(Config.fromEnvironment(env("DUTY_ADMINS", "  ")).dutyAdmins().restricts()).isFalse();
    }

    @Test
    void dutyAdmins_readsUserIdsAndOneUserGroup() {
        DutyAdmins admins = Config.fromEnvironment(env("DUTY_ADMINS", "U0ALEX, W0SAM ,S0LEADS")).dutyAdmins();

        assertThat(admins.users()).containsExactlyInAnyOrder("U0ALEX", "W0SAM");
        assertThat(admins.group()).contains("S0LEADS");
        assertThat(admins.restricts()).isTrue();
        assertThat(Config.fromEnvironment(env("DUTY_ADMINS", "S0LEADS")).dutyAdmins().users()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alex", "@alex", "<@U0ALEX>", "u0alex", "U0ALEX,,W0SAM", "U0ALEX,", "S0ONE,S0TWO",
            "C0CHANNEL", "U0ALEX;W0SAM", "U"})
    void dutyAdmins_invalid_stopsWithOneLineNamingTheVariable(String value) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("DUTY_ADMINS", value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DUTY_ADMINS must be comma-separated Slack user ids (U…, W…) and at most one "
                        + "user-group id (S…)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void digest_scheduleIsParsedOnceInTheTeamsZone() {
        Config config = Config.fromEnvironment(env("DIGEST_SCHEDULE", "fri 16:30", "TEAM_TIMEZONE", "Europe/Berlin"));

        assertThat(config.digest().schedule())
                .isEqualTo(new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(16, 30), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void severityMap_isParsedOnce() {
        Config config = Config.fromEnvironment(env("PAGERDUTY_SEVERITY_MAP", "P1=sev1, urgent=sev2"));

        assertThat(config.pagerDuty().severityMap().severityFor(Optional.of("urgent"), null)).contains(Severity.SEV2);
        assertThat(config.pagerDuty().severityMap().toString()).isEqualTo("p1=sev1,urgent=sev2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1", "P1=sev9", "=sev1"})
    void severityMap_invalid_stopsWithOneLineNamingTheVariable(String value) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("PAGERDUTY_SEVERITY_MAP", value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PAGERDUTY_SEVERITY_MAP")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://localhost/mayday", "jdbc:sqlite::memory:", "jdbc:sqlite:file:x?mode=memory"})
    void databaseUrl_notASqliteFile_stopsWithOneLineNamingTheVariable(String url) {
        assertThatThrownBy(() -> Config.fromEnvironment(env("DATABASE_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL")
                .hasMessageContaining(url);
    }

    @Test
    void paging_defaultsToSev1AndSev2Leads_withoutAService() {
        PagerDutyConfig pagerDuty = Config.fromEnvironment(env()).pagerDuty();

        assertThat(pagerDuty.leadPageSeverities()).containsExactlyInAnyOrder(Severity.SEV1, Severity.SEV2);
        assertThat(pagerDuty.serviceId()).isEmpty();
        assertThat(pagerDuty.canPage()).isFalse();
    }

    @Test
    void paging_readsTheServiceAndTheSeverities_andEmptyPagesNobody() {
        Config config = Config.fromEnvironment(env("PAGERDUTY_API_TOKEN", "pd-token", "PAGERDUTY_SERVICE_ID",
                "PSVC1", "PAGE_LEAD_SEVERITIES", "sev1"));
        assertThat(config.pagerDuty().serviceId()).contains("PSVC1");
        assertThat(config.pagerDuty().leadPageSeverities()).containsExactly(Severity.SEV1);
        assertThat(config.pagerDuty().canPage()).isTrue();

        assertThat(Config.fromEnvironment(env("PAGE_LEAD_SEVERITIES", "")).pagerDuty().leadPageSeverities()).isEmpty();
    }

    @Test
    void paging_withAnInvalidSeverity_namesTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(env("PAGE_LEAD_SEVERITIES", "sev1,critical")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PAGE_LEAD_SEVERITIES must be severities");
    }
}
