package dev.mayday.incident;

import java.util.Objects;

/** Who a page is for: a Slack user (by id) or a PagerDuty service (by name). */
public record PageTarget(boolean isPerson, String name) {

    public PageTarget {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a page needs someone to page");
        }
    }

    public static PageTarget person(String userId) {
        return new PageTarget(true, userId);
    }

    public static PageTarget service(String name) {
        return new PageTarget(false, name.strip());
    }
}
