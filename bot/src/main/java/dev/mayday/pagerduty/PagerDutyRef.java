package dev.mayday.pagerduty;

import java.util.Objects;

/** A PagerDuty reference object ({@code {"id","type","summary"}}), such as a service, user or escalation policy. */
public record PagerDutyRef(String id, String summary, String type) {

    public PagerDutyRef {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a PagerDuty reference needs an id");
        }
        summary = summary == null ? "" : summary;
        type = type == null ? "" : type;
    }
}
