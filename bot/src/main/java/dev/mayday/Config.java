package dev.mayday;

import dev.mayday.db.RedactedUrl;
import dev.mayday.drill.BackupConfig;
import dev.mayday.incident.Severity;
import dev.mayday.reminder.ReminderSchedule;
import dev.mayday.rotation.DutyAdmins;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Mayday reads from its environment, read in this one place. Secrets are never part of
 * {@link #toString()}, so logging a config cannot leak them.
 */
public record Config(
        String slackBotToken,
        String slackSigningSecret,
        String slackApiUrl,
        String databaseUrl,
        int port,
        Optional<String> incidentsChannel,
        ZoneId teamZone,
        PagerDutyConfig pagerDuty,
        Duration leadHandoffAfter,
        DigestConfig digest,
        DutyAdmins dutyAdmins,
        BackupConfig backups,
        Optional<String> slackAppToken,
        ReminderSchedule updateReminders,
        MetricsConfig metrics) {

    public Config {
        Objects.requireNonNull(dutyAdmins, "dutyAdmins");
        Objects.requireNonNull(pagerDuty, "pagerDuty");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(leadHandoffAfter, "leadHandoffAfter");
        Objects.requireNonNull(slackAppToken, "slackAppToken");
        Objects.requireNonNull(updateReminders, "updateReminders");
        if (!digest.schedule().zone().equals(teamZone)) {
            throw new IllegalArgumentException("the digest schedule is in " + digest.schedule().zone()
                    + ", not in the team's zone " + teamZone);
        }
        if (leadHandoffAfter.isNegative() || leadHandoffAfter.isZero()) {
            throw new ConfigException("LEAD_HANDOFF_HOURS must be more than 0, got: " + leadHandoffAfter);
        }
    }

    /** Slack only, with every other setting at its default: as the sandbox and most tests run. */
    public Config(String slackBotToken, String slackSigningSecret, String slackApiUrl, String databaseUrl, int port,
                  Optional<String> incidentsChannel, ZoneId teamZone) {
        this(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                PagerDutyConfig.off(), DEFAULT_LEAD_HANDOFF_AFTER, DigestConfig.off(teamZone), DutyAdmins.everyone(),
                BackupConfig.off(), Optional.empty(), ReminderSchedule.defaults(), MetricsConfig.open());
    }

    /** Socket Mode: Slack's requests come over a WebSocket opened with this app-level token instead of over HTTP. */
    public boolean socketMode() {
        return slackAppToken.isPresent();
    }

    public Config withPagerDuty(PagerDutyConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                settings, leadHandoffAfter, digest, dutyAdmins, backups, slackAppToken, updateReminders, metrics);
    }

    public Config withDigest(DigestConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, settings, dutyAdmins, backups, slackAppToken, updateReminders, metrics);
    }

    public Config withDutyAdmins(DutyAdmins admins) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, admins, backups, slackAppToken, updateReminders, metrics);
    }

    public Config withBackups(BackupConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, dutyAdmins, settings, slackAppToken, updateReminders, metrics);
    }

    public Config withSlackAppToken(String appToken) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, dutyAdmins, backups, Optional.of(appToken), updateReminders, metrics);
    }

    public Config withUpdateReminders(ReminderSchedule schedule) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, dutyAdmins, backups, slackAppToken, schedule, metrics);
    }

    public Config withMetrics(MetricsConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, dutyAdmins, backups, slackAppToken, updateReminders, settings);
    }

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:mayday.db";
    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_LEAD_HANDOFF_AFTER = Duration.ofHours(4);
    /** A week: longer than any incident should be led by one person without being offered relief. */
    static final int MAX_LEAD_HANDOFF_HOURS = 168;

    /** Reads and parses every setting once, here; a bad value stops with one line naming the variable. */
    public static Config fromEnvironment(Map<String, String> env) {
        ZoneId teamZone = teamZone(env);
        Optional<String> appToken = optional(env, "SLACK_APP_TOKEN").map(ConfigValues::appToken);
        return new Config(
                required(env, "SLACK_BOT_TOKEN", "the bot token (xoxb-…) from the Slack app's OAuth page"),
                // in Socket Mode no request comes over HTTP, so there is no signature to check
                appToken.isPresent() ? optional(env, "SLACK_SIGNING_SECRET").orElse("")
                        : required(env, "SLACK_SIGNING_SECRET", "the signing secret from the Slack app's Basic "
                        + "Information page (or set SLACK_APP_TOKEN to use Socket Mode)"),
                ConfigValues.withTrailingSlash(optional(env, "SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                ConfigValues.storeUrl(databaseUrl(env)),
                ConfigValues.port(optional(env, "PORT").orElse(String.valueOf(DEFAULT_PORT))),
                optional(env, "INCIDENTS_CHANNEL"),
                teamZone,
                new PagerDutyConfig(
                        optional(env, "PAGERDUTY_API_TOKEN"),
                        ConfigValues.httpUrl("PAGERDUTY_API_URL", optional(env, "PAGERDUTY_API_URL").orElse(PagerDutyConfig.DEFAULT_API_URL)),
                        optional(env, "PAGERDUTY_WEBHOOK_SECRET"),
                        optional(env, "PAGERDUTY_FROM_EMAIL"),
                        ConfigValues.severityMap(optional(env, "PAGERDUTY_SEVERITY_MAP").orElse(PagerDutyConfig.DEFAULT_SEVERITY_SETTING)),
                        optional(env, "PAGERDUTY_SERVICE_ID"),
                        leadPageSeverities(env)),
                ConfigValues.leadHandoffHours(optional(env, "LEAD_HANDOFF_HOURS").orElse(
                        String.valueOf(DEFAULT_LEAD_HANDOFF_AFTER.toHours()))),
                new DigestConfig(
                        optional(env, "DIGEST_CHANNEL"),
                        ConfigValues.digestSchedule(optional(env, "DIGEST_SCHEDULE").orElse(DigestConfig.DEFAULT_SCHEDULE), teamZone),
                        budgetHours(env)),
                optional(env, "DUTY_ADMINS").map(ConfigValues::parseDutyAdmins).orElse(DutyAdmins.everyone()),
                backups(env, teamZone),
                appToken,
                ConfigValues.updateReminders(optional(env, "UPDATE_REMINDERS").orElse(ReminderSchedule.DEFAULT_SETTING)),
                new MetricsConfig(optional(env, "METRICS_TOKEN")));
    }

    /** The backup settings alone, for the {@code drill} command. */
    public static BackupConfig backups(Map<String, String> env, ZoneId teamZone) {
        try {
            return BackupConfig.parse(optional(env, "BACKUP_DIR"), optional(env, "BACKUP_SCHEDULE"),
                    optional(env, "BACKUP_KEEP"), teamZone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** {@code LOG_FORMAT}: {@code text} (the default) or {@code json}; read first, so that it applies to every line. */
    public static LogFormat logFormat(Map<String, String> env) {
        return LogFormat.parse(optional(env, "LOG_FORMAT").orElse("text"));
    }

    /** {@code PAGE_LEAD_SEVERITIES}: unset is sev1,sev2; set but empty pages nobody. */
    private static Set<Severity> leadPageSeverities(Map<String, String> env) {
        String text = env.get("PAGE_LEAD_SEVERITIES");
        return text == null ? PagerDutyConfig.DEFAULT_LEAD_PAGE_SEVERITIES : PagerDutyConfig.leadPageSeverities(text);
    }

    /** The team's zone alone, for commands that need no Slack secrets. */
    public static ZoneId teamZone(Map<String, String> env) {
        return ConfigValues.zone(optional(env, "TEAM_TIMEZONE").orElse("UTC"));
    }

    /** The incident budget alone, for commands that need no Slack secrets. */
    public static double budgetHours(Map<String, String> env) {
        return ConfigValues.budgetHours(optional(env, "INCIDENT_BUDGET_HOURS").orElse(String.valueOf(DigestConfig.DEFAULT_BUDGET_HOURS)));
    }

    /** Only the store's URL: for commands that read the store and talk to nobody (no Slack secrets needed). */
    public static String databaseUrl(Map<String, String> env) {
        return optional(env, "DATABASE_URL").orElse(DEFAULT_DATABASE_URL);
    }

    @Override
    public String toString() {
        return "Config[slackBotToken=***, slackSigningSecret=***, slackApiUrl=" + slackApiUrl + ", databaseUrl="
                + RedactedUrl.of(databaseUrl) + ", port=" + port + ", incidentsChannel=" + incidentsChannel.orElse("(none)")
                + ", teamZone=" + teamZone + ", pagerDuty=" + pagerDuty + ", leadHandoffAfter=" + leadHandoffAfter
                + ", digest=" + digest + ", dutyAdmins=" + dutyAdmins + ", backups=" + backups
                + ", slackAppToken=" + (socketMode() ? "***" : "(none)") + ", updateReminders=" + updateReminders
                + ", metrics=" + metrics + "]";
    }

    private static String required(Map<String, String> env, String name, String what) {
        return optional(env, name).orElseThrow(() -> new ConfigException(name + " is not set: it must hold " + what + "."));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

}
