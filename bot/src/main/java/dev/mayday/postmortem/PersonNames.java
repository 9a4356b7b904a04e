package dev.mayday.postmortem;

/** How the draft names a person known by their Slack user id. */
@FunctionalInterface
public interface PersonNames {

    String name(String userId);

    /** {@code @U0123ABC}: exact, needs no lookup. */
    static PersonNames userIds() {
        return userId -> "@" + userId;
    }
}
