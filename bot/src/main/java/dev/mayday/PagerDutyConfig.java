package dev.mayday;

import dev.mayday.pagerduty.SeverityMapping;

import java.util.Objects;
import java.util.Optional;

/**
 * PagerDuty settings. With no API token Mayday makes no PagerDuty calls; with no webhook secret the webhook
 * endpoint answers 404. {@code severityMap} maps PagerDuty priorities and urgencies to severities.
 */
public record PagerDutyConfig(Optional<String> apiToken, String apiUrl, Optional<String> webhookSecret,
                              Optional<String> fromEmail, SeverityMapping severityMap) {

    public static final String DEFAULT_API_URL = "https://api.pagerduty.com";
    /** {@code PAGERDUTY_SEVERITY_MAP} when unset. */
    public static final String DEFAULT_SEVERITY_SETTING = "P1=sev1,P2=sev2,P3=sev3,P4=sev4,P5=sev4,high=sev2,low=sev3";
    public static final SeverityMapping DEFAULT_SEVERITY_MAP = SeverityMapping.parse(DEFAULT_SEVERITY_SETTING);

    public PagerDutyConfig {
        Objects.requireNonNull(severityMap, "severityMap");
    }

    public static PagerDutyConfig off() {
        return new PagerDutyConfig(Optional.empty(), DEFAULT_API_URL, Optional.empty(), Optional.empty(),
                DEFAULT_SEVERITY_MAP);
    }

    @Override
    public String toString() {
        return "PagerDutyConfig[apiToken=" + (apiToken.isPresent() ? "***" : "(none)") + ", apiUrl=" + apiUrl
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "***" : "(none)") + ", fromEmail="
                + fromEmail.orElse("(none)") + ", severityMap=" + severityMap + "]";
    }
}
