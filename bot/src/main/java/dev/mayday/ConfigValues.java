package dev.mayday;

import dev.mayday.db.RedactedUrl;
import dev.mayday.db.StoreFile;
import dev.mayday.db.StoreKind;
import dev.mayday.digest.DigestSchedule;
import dev.mayday.pagerduty.SeverityMapping;
import dev.mayday.reminder.ReminderSchedule;
import dev.mayday.rotation.DutyAdmins;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How each setting's text becomes a value, for {@link Config} (which alone reads the environment): a bad value is a
 * {@link ConfigException} of one line naming its variable.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    /** An app-level token, never shown: a bot or user token here is a mistake worth naming. */
    static String appToken(String token) {
        if (!token.startsWith("xapp-")) {
            throw new ConfigException("SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write "
                    + "scope, from the Slack app's Basic Information page; the value set does not start with xapp-.");
        }
        return token;
    }

    static DutyAdmins parseDutyAdmins(String text) {
        try {
            return DutyAdmins.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DUTY_ADMINS must be comma-separated Slack user ids (U…, W…) and at most one "
                    + "user-group id (S…): " + e.getMessage() + ", got: " + text);
        }
    }

    static ReminderSchedule updateReminders(String setting) {
        try {
            return ReminderSchedule.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("UPDATE_REMINDERS must look like " + ReminderSchedule.DEFAULT_SETTING
                    + " (minutes m or hours h, 1m to 168h, or off): " + e.getMessage());
        }
    }

    static DigestSchedule digestSchedule(String text, ZoneId zone) {
        try {
            return DigestSchedule.parse(text, zone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    static double budgetHours(String text) {
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

    static Duration leadHandoffHours(String text) {
        try {
            int hours = Integer.parseInt(text);
            if (hours >= 1 && hours <= Config.MAX_LEAD_HANDOFF_HOURS) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException("LEAD_HANDOFF_HOURS must be a whole number of hours from 1 to "
                + Config.MAX_LEAD_HANDOFF_HOURS + ", got: " + text);
    }

    static SeverityMapping severityMap(String setting) {
        try {
            return SeverityMapping.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PAGERDUTY_SEVERITY_MAP must look like P1=sev1,P2=sev2,high=sev2: " + e.getMessage());
        }
    }

    /**
     * A SQLite file (the server holds a lock file beside it, so not an in-memory store) or a PostgreSQL database. The
     * reason never repeats a password given in the URL.
     */
    static String storeUrl(String url) {
        boolean supported;
        try {
            supported = StoreKind.of(url) == StoreKind.POSTGRESQL || StoreFile.find(url).isPresent();
        } catch (IllegalArgumentException unknownKind) {
            supported = false;
        }
        if (!supported) {
            throw new ConfigException("DATABASE_URL must be the JDBC URL of a SQLite file, such as "
                    + Config.DEFAULT_DATABASE_URL + " or jdbc:sqlite:/data/mayday.db, or of a PostgreSQL database, such as "
                    + "jdbc:postgresql://db.internal:5432/mayday?user=mayday, got: " + RedactedUrl.of(url));
        }
        return url;
    }

    static String withTrailingSlash(String url) {
        String checked = httpUrl("SLACK_API_URL", url);
        return checked.endsWith("/") ? checked : checked + "/";
    }

    static String httpUrl(String name, String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException(name + " must be an http(s) URL, got: " + url);
        }
        return url;
    }

    static int port(String text) {
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

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException("TEAM_TIMEZONE must be a time zone such as Europe/Berlin or UTC, got: " + text);
        }
    }
}
