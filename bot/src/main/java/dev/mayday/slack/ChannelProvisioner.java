package dev.mayday.slack;

import com.slack.api.model.Conversation;
import dev.mayday.incident.Incident;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Creates an incident's channel. A taken name gets a numbered suffix; a {@code fatal_error} may mean Slack
 * created the channel anyway, so the bot looks for it before creating again, rather than ending up with two.
 */
public final class ChannelProvisioner {

    private static final int MAX_NAME_ATTEMPTS = 20;
    private static final int MAX_AMBIGUOUS_ATTEMPTS = 3;

    private final SlackGateway slack;
    private final ZoneId teamZone;

    public ChannelProvisioner(SlackGateway slack, ZoneId teamZone) {
        this.slack = slack;
        this.teamZone = teamZone;
    }

    public ChannelRef provision(Incident incident) {
        String base = ChannelNames.forIncident(incident.declaredAt().atZone(teamZone).toLocalDate(), incident.title(),
                incident.id());
        int ambiguous = 0;
        int attempt = 1;
        while (attempt <= MAX_NAME_ATTEMPTS) {
            String name = attempt == 1 ? base : ChannelNames.withSuffix(base, attempt);
            try {
                Conversation created = slack.createChannel(name, incident.isPrivate());
                return new ChannelRef(created.getId(), created.getName());
            } catch (SlackCallFailed e) {
                if ("name_taken".equals(e.error())) {
                    attempt++;
                } else if ("fatal_error".equals(e.error()) && ambiguous < MAX_AMBIGUOUS_ATTEMPTS) {
                    ambiguous++;
                    Optional<Conversation> existing = slack.findChannel(name);
                    if (existing.isPresent() && slack.botUserId().equals(existing.get().getCreator())) {
                        return new ChannelRef(existing.get().getId(), existing.get().getName());
                    }
                    if (existing.isPresent()) {
                        attempt++;
                    }
                } else {
                    throw e;
                }
            }
        }
        throw new SlackCallFailed("conversations.create", "no_free_name_after_" + MAX_NAME_ATTEMPTS, null);
    }

    public record ChannelRef(String id, String name) {
    }
}
