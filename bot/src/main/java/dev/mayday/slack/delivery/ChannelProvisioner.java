package dev.mayday.slack.delivery;

import com.slack.api.model.Conversation;
import dev.mayday.incident.ChannelNameClaims;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Creates an incident's channel, trying the names {@link ChannelNames#candidate} lists. Each name is claimed in the
 * store before Slack is asked for it ({@link ChannelNameClaims}); a name another incident claimed is passed over
 * without calling Slack. When Slack says a name this incident claimed is taken (or answers {@code fatal_error}, which
 * can mean it made the channel anyway), the channel under that name is this incident's own earlier attempt (the
 * answer came late or was lost, or the process stopped before recording it) if the bot made it, its privacy is the
 * incident's and no incident owns it: it is adopted instead of making a second one. Anything else holds the name for
 * good, and the next name is tried.
 * <p>
 * One attempt asks Slack at most {@link #MAX_CREATES_PER_ATTEMPT} times; the outbox runs the next attempt later, which
 * goes on past every name found taken, so there is no last name after which an incident stays without a channel.
 */
public final class ChannelProvisioner {

    static final int MAX_CREATES_PER_ATTEMPT = 10;
    private static final int MAX_AMBIGUOUS_ATTEMPTS = 3;
    /** Only names found taken are passed over without a call, a few per attempt: this is a guard, not a cap. */
    private static final int MAX_NAMES_PER_ATTEMPT = 100_000;

    private final SlackGateway slack;
    private final IncidentDirectory directory;
    private final ChannelNameClaims claims;
    private final ZoneId teamZone;

    public ChannelProvisioner(SlackGateway slack, IncidentDirectory directory, ChannelNameClaims claims, ZoneId teamZone) {
        this.slack = slack;
        this.directory = directory;
        this.claims = claims;
        this.teamZone = teamZone;
    }

    public ChannelRef provision(Incident incident) {
        ChannelPrefix prefix = ChannelPrefix.of(incident);
        String base = ChannelNames.forIncident(prefix, incident.times().declaredAt().atZone(teamZone).toLocalDate(),
                incident.title(), incident.id());
        String byNumber = ChannelNames.byNumber(prefix, incident.title(), incident.id());
        int creates = 0;
        int ambiguous = 0;
        int index = 1;
        while (index <= MAX_NAMES_PER_ATTEMPT && creates < MAX_CREATES_PER_ATTEMPT) {
            String name = ChannelNames.candidate(base, byNumber, index);
            if (claims.claim(incident.id(), name, incident.isPrivate()) != ChannelNameClaims.Claim.MINE) {
                index++;
                continue;
            }
            creates++;
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
                if (existing.isPresent() && isOwnEarlierAttempt(existing.get(), incident)) {
                    return new ChannelRef(existing.get().getId(), existing.get().getName());
                }
                // taken but not visible to the bot (archived, someone's private channel) holds the name as surely
                if (taken || existing.isPresent()) {
                    claims.takenElsewhere(name);
                    index++;
                }
            }
        }
        throw new SlackCallFailed("conversations.create", "no_free_name_yet", null);
    }

    private boolean isOwnEarlierAttempt(Conversation channel, Incident incident) {
        return slack.botUserId().equals(channel.getCreator()) && channel.isPrivate() == incident.isPrivate()
                && directory.byChannel(channel.getId()).isEmpty();
    }

    public record ChannelRef(String id, String name) {
    }
}
