package dev.mayday.rotation;

/** Answers whether someone belongs to a user group (in Slack: a user group such as {@code @oncall-leads}). */
public interface GroupMembership {

    /** Throws {@link Unavailable} when the answer cannot be had now. */
    boolean includes(String groupId, String userId);

    /** The membership could not be looked up (the workspace did not answer, or refused). */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** For a roster without a user group among its admins: nobody is in any group. */
    GroupMembership NONE = (group, user) -> false;
}
