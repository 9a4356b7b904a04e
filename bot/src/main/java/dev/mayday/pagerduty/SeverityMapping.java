package dev.mayday.pagerduty;

import dev.mayday.incident.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty priority (P1…P5, or whatever the account names them) and urgency (high, low) to severity, from a
 * setting like {@code P1=sev1,P2=sev2,high=sev2,low=sev3}. A priority wins over the urgency.
 */
public final class SeverityMapping {

    private final Map<String, Severity> bySource;

    private SeverityMapping(Map<String, Severity> bySource) {
        this.bySource = bySource;
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code name=sevN} */
    public static SeverityMapping parse(String setting) {
        Map<String, Severity> map = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            Optional<Severity> severity = pair.length == 2 ? Severity.parse(pair[1]) : Optional.empty();
            if (pair[0].isBlank() || severity.isEmpty()) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not name=sev1..sev4");
            }
            map.put(pair[0].strip().toLowerCase(Locale.ROOT), severity.get());
        }
        return new SeverityMapping(Collections.unmodifiableMap(map));
    }

    public Optional<Severity> severityFor(Optional<String> priority, String urgency) {
        Optional<Severity> byPriority = priority.map(p -> bySource.get(p.strip().toLowerCase(Locale.ROOT)));
        if (byPriority.isPresent()) {
            return byPriority;
        }
        return Optional.ofNullable(urgency).map(u -> bySource.get(u.strip().toLowerCase(Locale.ROOT)));
    }

    /** The names (priorities, then any urgencies) that map to {@code severity}, in the setting's order. */
    public List<String> sourcesOf(Severity severity) {
        return bySource.entrySet().stream().filter(e -> e.getValue() == severity).map(Map.Entry::getKey).toList();
    }

    /** The setting it was read from, in its order: {@code p1=sev1,high=sev2}. */
    @Override
    public String toString() {
        StringBuilder setting = new StringBuilder();
        bySource.forEach((source, severity) -> setting.append(setting.length() == 0 ? "" : ",").append(source)
                .append('=').append(severity.name().toLowerCase(Locale.ROOT)));
        return setting.toString();
    }
}
