package dev.mayday.slack;

import com.slack.api.model.Conversation;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Creates an incident's channel. A taken name gets a numbered suffix, unless the channel under that name is one
 * the bot made and no incident owns: then an earlier attempt did create it (Slack answered {@code fatal_error},
 * or the process stopped before recording it) and it is adopted instead of making a second one.
 */
public final class ChannelProvisioner {

    private static final int MAX_NAME_ATTEMPTS = 20;
    private static final int MAX_AMBIGUOUS_ATTEMPTS = 3;

    private final SlackGateway slack;
    private final IncidentDirectory directory;
    private final ZoneId teamZone;

    public ChannelProvisioner(SlackGateway slack, IncidentDirectory directory, ZoneId teamZone) {
        this.slack = slack;
        this.directory = directory;
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
                boolean taken = "name_taken".equals(e.error());
                boolean unclear = "fatal_error".equals(e.error()) && ambiguous++ < MAX_AMBIGUOUS_ATTEMPTS;
                if (!taken && !unclear) {
                    throw e;
                }
                Optional<Conversation> existing = slack.findChannel(name);
                if (existing.isPresent() && isUnclaimedAndOurs(existing.get())) {
                    return new ChannelRef(existing.get().getId(), existing.get().getName());
                }
                if (taken || existing.isPresent()) {
                    attempt++;
                }
            }
        }
        throw new SlackCallFailed("conversations.create", "no_free_name_after_" + MAX_NAME_ATTEMPTS, null);
    }

    private boolean isUnclaimedAndOurs(Conversation channel) {
        return slack.botUserId().equals(channel.getCreator()) && directory.byChannel(channel.getId()).isEmpty();
    }

    public record ChannelRef(String id, String name) {
    }
}
