package dev.mayday;

import dev.mayday.db.RedactedUrl;
import dev.mayday.db.StoreFile;
import dev.mayday.db.StoreKind;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.pagerduty.SeverityMapping;
import dev.mayday.rotation.DutyAdmins;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        DutyAdmins dutyAdmins) {

    public Config {
        Objects.requireNonNull(dutyAdmins, "dutyAdmins");
        Objects.requireNonNull(pagerDuty, "pagerDuty");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(leadHandoffAfter, "leadHandoffAfter");
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
                PagerDutyConfig.off(), DEFAULT_LEAD_HANDOFF_AFTER, DigestConfig.off(teamZone), DutyAdmins.everyone());
    }

    public Config withPagerDuty(PagerDutyConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                settings, leadHandoffAfter, digest, dutyAdmins);
    }

    public Config withDigest(DigestConfig settings) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, settings, dutyAdmins);
    }

    public Config withDutyAdmins(DutyAdmins admins) {
        return new Config(slackBotToken, slackSigningSecret, slackApiUrl, databaseUrl, port, incidentsChannel, teamZone,
                pagerDuty, leadHandoffAfter, digest, admins);
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
        return new Config(
                required(env, "SLACK_BOT_TOKEN", "the bot token (xoxb-…) from the Slack app's OAuth page"),
                required(env, "SLACK_SIGNING_SECRET", "the signing secret from the Slack app's Basic Information page"),
                withTrailingSlash(optional(env, "SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                storeUrl(databaseUrl(env)),
                port(optional(env, "PORT").orElse(String.valueOf(DEFAULT_PORT))),
                optional(env, "INCIDENTS_CHANNEL"),
                teamZone,
                new PagerDutyConfig(
                        optional(env, "PAGERDUTY_API_TOKEN"),
                        httpUrl("PAGERDUTY_API_URL", optional(env, "PAGERDUTY_API_URL").orElse(PagerDutyConfig.DEFAULT_API_URL)),
                        optional(env, "PAGERDUTY_WEBHOOK_SECRET"),
                        optional(env, "PAGERDUTY_FROM_EMAIL"),
                        severityMap(optional(env, "PAGERDUTY_SEVERITY_MAP").orElse(PagerDutyConfig.DEFAULT_SEVERITY_SETTING))),
                leadHandoffHours(optional(env, "LEAD_HANDOFF_HOURS").orElse(
                        String.valueOf(DEFAULT_LEAD_HANDOFF_AFTER.toHours()))),
                new DigestConfig(
                        optional(env, "DIGEST_CHANNEL"),
                        digestSchedule(optional(env, "DIGEST_SCHEDULE").orElse(DigestConfig.DEFAULT_SCHEDULE), teamZone),
                        budgetHours(env)),
                optional(env, "DUTY_ADMINS").map(Config::parseDutyAdmins).orElse(DutyAdmins.everyone()));
    }

    private static DutyAdmins parseDutyAdmins(String text) {
        try {
            return DutyAdmins.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DUTY_ADMINS must be comma-separated Slack user ids (U…, W…) and at most one "
                    + "user-group id (S…): " + e.getMessage() + ", got: " + text);
        }
    }

    private static DigestSchedule digestSchedule(String text, ZoneId zone) {
        try {
            return DigestSchedule.parse(text, zone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static double budgetHours(String text) {
        try {
            double hours = Double.parseDouble(text);
            if (hours > 0 && hours <= 168 * 10) {
                return hours;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException("INCIDENT_BUDGET_HOURS must be a number of hours above 0, got: " + text);
    }

    private static Duration leadHandoffHours(String text) {
        try {
            int hours = Integer.parseInt(text);
            if (hours >= 1 && hours <= MAX_LEAD_HANDOFF_HOURS) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException("LEAD_HANDOFF_HOURS must be a whole number of hours from 1 to "
                + MAX_LEAD_HANDOFF_HOURS + ", got: " + text);
    }

    private static SeverityMapping severityMap(String setting) {
        try {
            return SeverityMapping.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PAGERDUTY_SEVERITY_MAP must look like P1=sev1,P2=sev2,high=sev2: " + e.getMessage());
        }
    }

    /** The team's zone alone, for commands that need no Slack secrets. */
    public static ZoneId teamZone(Map<String, String> env) {
        return zone(optional(env, "TEAM_TIMEZONE").orElse("UTC"));
    }

    /** The incident budget alone, for commands that need no Slack secrets. */
    public static double budgetHours(Map<String, String> env) {
        return budgetHours(optional(env, "INCIDENT_BUDGET_HOURS").orElse(String.valueOf(DigestConfig.DEFAULT_BUDGET_HOURS)));
    }

    /** Only the store's URL: for commands that read the store and talk to nobody (no Slack secrets needed). */
    public static String databaseUrl(Map<String, String> env) {
        return optional(env, "DATABASE_URL").orElse(DEFAULT_DATABASE_URL);
    }

    @Override
    public String toString() {
        return "Config[slackBotToken=***, slackSigningSecret=***, slackApiUrl=" + slackApiUrl + ", databaseUrl="
                + RedactedUrl.of(databaseUrl) + ", port=" + port + ", incidentsChannel=" + incidentsChannel.orElse("(none)")
                + ", teamZone=" + teamZone + ", pagerDuty=" + pagerDuty + ", leadHandoffAfter=" + leadHandoffAfter + ", digest=" + digest + ", dutyAdmins=" + dutyAdmins + "]";
    }

    private static String required(Map<String, String> env, String name, String what) {
        return optional(env, name).orElseThrow(() -> new ConfigException(name + " is not set: it must hold " + what + "."));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A SQLite file (the server holds a lock file beside it, so not an in-memory store) or a PostgreSQL database. The
     * reason never repeats a password given in the URL.
     */
    private static String storeUrl(String url) {
        boolean supported;
        try {
            supported = StoreKind.of(url) == StoreKind.POSTGRESQL || StoreFile.find(url).isPresent();
        } catch (IllegalArgumentException unknownKind) {
            supported = false;
        }
        if (!supported) {
            throw new ConfigException("DATABASE_URL must be the JDBC URL of a SQLite file, such as "
                    + DEFAULT_DATABASE_URL + " or jdbc:sqlite:/data/mayday.db, or of a PostgreSQL database, such as "
                    + "jdbc:postgresql://db.internal:5432/mayday?user=mayday, got: " + RedactedUrl.of(url));
        }
        return url;
    }

    private static String withTrailingSlash(String url) {
        String checked = httpUrl("SLACK_API_URL", url);
        return checked.endsWith("/") ? checked : checked + "/";
    }

    private static String httpUrl(String name, String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException(name + " must be an http(s) URL, got: " + url);
        }
        return url;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException("PORT must be a number from 0 to 65535, got: " + text);
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException("TEAM_TIMEZONE must be a time zone such as Europe/Berlin or UTC, got: " + text);
        }
    }
}
