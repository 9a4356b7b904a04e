package dev.mayday.rotation;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may change someone else's place on the duty roster ({@code DUTY_ADMINS}): some user ids, the members of one
 * Slack user group, or both. Unset, everyone may; anyone may always change their own place.
 */
public record DutyAdmins(Set<String> users, Optional<String> group) {

    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");

    public DutyAdmins {
        users = Set.copyOf(users);
        group.ifPresent(id -> {
            if (!GROUP.matcher(id).matches()) {
                throw new IllegalArgumentException("not a user-group id: " + id);
            }
        });
        users.forEach(id -> {
            if (!USER.matcher(id).matches()) {
                throw new IllegalArgumentException("not a user id: " + id);
            }
        });
    }

    /** Nobody is singled out: everyone may change anyone's place (each change is still recorded). */
    public static DutyAdmins everyone() {
        return new DutyAdmins(Set.of(), Optional.empty());
    }

    /**
     * Reads {@code U0ALEX,W0SAM,S0ONCALL}: user ids ({@code U…}, {@code W…}) and at most one user-group id
     * ({@code S…}), comma-separated. Throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static DutyAdmins parse(String text) {
        Set<String> users = new TreeSet<>();
        Optional<String> group = Optional.empty();
        for (String raw : text.split(",", -1)) {
            String id = raw.strip();
            if (USER.matcher(id).matches()) {
                users.add(id);
            } else if (GROUP.matcher(id).matches()) {
                if (group.isPresent()) {
                    throw new IllegalArgumentException("only one user group is allowed, got " + group.get() + " and " + id);
                }
                group = Optional.of(id);
            } else {
                throw new IllegalArgumentException((id.isEmpty() ? "an empty entry" : "`" + id + "`")
                        + " is neither a user id (U…, W…) nor a user-group id (S…)");
            }
        }
        return new DutyAdmins(users, group);
    }

    /** Whether only some people may change someone else's place. */
    public boolean restricts() {
        return !users.isEmpty() || group.isPresent();
    }
}
