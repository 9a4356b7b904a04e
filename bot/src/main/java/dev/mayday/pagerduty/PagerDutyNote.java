package dev.mayday.pagerduty;

import java.util.Objects;

/** A note on a PagerDuty incident. */
public record PagerDutyNote(String id, String content) {

    public PagerDutyNote {
        Objects.requireNonNull(id, "id");
        content = content == null ? "" : content;
    }
}
