package dev.mayday.slack.api;

import java.util.Optional;

/** What {@code auth.test} says a token is: a user id, and a bot id when it is a bot's token. */
public record TokenIdentity(String userId, Optional<String> botId) {
}
