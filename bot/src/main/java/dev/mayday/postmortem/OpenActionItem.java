package dev.mayday.postmortem;

import java.time.Duration;

/** An open item and how long it has been open at the time asked about. */
public record OpenActionItem(ActionItem item, Duration age) {
}
