package dev.mayday.people;

import java.util.Optional;

/** Asks the chat workspace who a user id is (Slack's users.info); empty when it knows no such user. */
@FunctionalInterface
public interface UserLookup {

    Optional<Person> fetch(String userId);
}
