package dev.mayday;

import dev.mayday.incident.Severity;
import dev.mayday.pagerduty.SeverityMapping;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PagerDuty settings. With no API token Mayday makes no PagerDuty calls; with no webhook secret the webhook
 * endpoint answers 404. {@code severityMap} maps PagerDuty priorities and urgencies to severities (and back, for a
 * severity changed in Slack). Pages open PagerDuty incidents on {@code serviceId}; the leads of incidents declared in
 * Slack with a severity in {@code leadPageSeverities} are paged.
 */
public record PagerDutyConfig(Optional<String> apiToken, String apiUrl, Optional<String> webhookSecret,
                              Optional<String> fromEmail, SeverityMapping severityMap, Optional<String> serviceId,
                              Set<Severity> leadPageSeverities) {

    public static final String DEFAULT_API_URL = "https://api.pagerduty.com";
    /** {@code PAGERDUTY_SEVERITY_MAP} when unset. */
    public static final String DEFAULT_SEVERITY_SETTING = "P1=sev1,P2=sev2,P3=sev3,P4=sev4,P5=sev4,high=sev2,low=sev3";
    public static final SeverityMapping DEFAULT_SEVERITY_MAP = SeverityMapping.parse(DEFAULT_SEVERITY_SETTING);

    /** {@code PAGE_LEAD_SEVERITIES} when unset. */
    public static final Set<Severity> DEFAULT_LEAD_PAGE_SEVERITIES = Set.of(Severity.SEV1, Severity.SEV2);

    public PagerDutyConfig {
        Objects.requireNonNull(severityMap, "severityMap");
        serviceId = Objects.requireNonNullElse(serviceId, Optional.<String>empty());
        leadPageSeverities = Set.copyOf(leadPageSeverities);
    }

    /** Without paging settings: no service to page on, and the default severities whose leads are paged. */
    public PagerDutyConfig(Optional<String> apiToken, String apiUrl, Optional<String> webhookSecret,
                           Optional<String> fromEmail, SeverityMapping severityMap) {
        this(apiToken, apiUrl, webhookSecret, fromEmail, severityMap, Optional.empty(), DEFAULT_LEAD_PAGE_SEVERITIES);
    }

    public static PagerDutyConfig off() {
        return new PagerDutyConfig(Optional.empty(), DEFAULT_API_URL, Optional.empty(), Optional.empty(),
                DEFAULT_SEVERITY_MAP);
    }

    public PagerDutyConfig withPaging(Optional<String> service, Set<Severity> pagedLeads) {
        return new PagerDutyConfig(apiToken, apiUrl, webhookSecret, fromEmail, severityMap, service, pagedLeads);
    }

    /** Paging needs an API token and a service to open the pages' PagerDuty incidents on. */
    public boolean canPage() {
        return apiToken.isPresent() && serviceId.isPresent();
    }

    @Override
    public String toString() {
        return "PagerDutyConfig[apiToken=" + (apiToken.isPresent() ? "***" : "(none)") + ", apiUrl=" + apiUrl
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "***" : "(none)") + ", fromEmail="
                + fromEmail.orElse("(none)") + ", severityMap=" + severityMap + ", serviceId=" + serviceId.orElse("(none)")
                + ", leadPageSeverities=" + leadPageSeverities + "]";
    }

    /** The severities a declaration pages its lead for, from {@code PAGE_LEAD_SEVERITIES}'s text (empty: none). */
    static Set<Severity> leadPageSeverities(String text) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                severities.add(Severity.parse(entry).orElseThrow(() -> new ConfigException("PAGE_LEAD_SEVERITIES must "
                        + "be severities such as sev1,sev2 (empty pages nobody), got: " + text)));
            }
        }
        return severities;
    }
}
