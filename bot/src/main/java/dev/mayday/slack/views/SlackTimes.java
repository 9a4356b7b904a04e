package dev.mayday.slack.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as Slack shows them: a {@code <!date>} token that each reader sees in their own zone, with a fallback in
 * the team's zone for clients that cannot render it.
 */
public final class SlackTimes {

    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private final ZoneId teamZone;

    public SlackTimes(ZoneId teamZone) {
        this.teamZone = teamZone;
    }

    public String format(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + plain(instant) + ">";
    }

    public String plain(Instant instant) {
        return FALLBACK.format(instant.atZone(teamZone));
    }

    public ZoneId zone() {
        return teamZone;
    }
}
