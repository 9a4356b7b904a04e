package dev.mayday.outbox;

/**
 * A restore drill the team must hear about, posted once in the digest channel (or the incidents channel): a drill
 * that failed, or no drill that passed for too long while backups are scheduled. {@code key} makes it once: the
 * failed drill's slot, or the last passed drill the silence is counted from.
 */
public record DrillNotice(String key, String text) implements Publication {

    @Override
    public Lane lane() {
        return new Lane("slack/drills");
    }

    public String uniqueKey() {
        return "drill-notice/" + key;
    }

    /** The marker the posted message carries, looked for before a retry posts. */
    public String tag() {
        return "mayday-drill-" + key;
    }
}
