package dev.mayday.slack.requests;

import java.util.Set;

/** What the Slack app answers: compared against manifest.yml so the two cannot drift apart. */
public record SlackSurface(Set<String> commands, Set<String> messageShortcuts, Set<String> blockActions,
                           Set<String> viewSubmissions, Set<String> botEvents) {
}
