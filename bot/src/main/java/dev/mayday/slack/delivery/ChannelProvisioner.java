package dev.mayday.slack.delivery;

import com.slack.api.model.Conversation;
import dev.mayday.incident.ChannelClaims;
import dev.mayday.incident.ChannelNameClaims;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

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
    private final ChannelClaims claims;
    private final ZoneId teamZone;
    private final Predicate<String> ownedOtherwise;

    public ChannelProvisioner(SlackGateway slack, IncidentDirectory directory, ChannelClaims claims, ZoneId teamZone) {
        this(slack, directory, claims, teamZone, channelId -> false);
    }

    /** {@code ownedOtherwise}: whether a channel belongs to something that is not an incident (a pre-mortem). */
    public ChannelProvisioner(SlackGateway slack, IncidentDirectory directory, ChannelClaims claims, ZoneId teamZone,
                              Predicate<String> ownedOtherwise) {
        this.slack = slack;
        this.directory = directory;
        this.claims = claims;
        this.teamZone = teamZone;
        this.ownedOtherwise = ownedOtherwise;
    }

    /** The same rules for another kind of owner, with its own claims (a pre-mortem's {@code pre-} channel). */
    public ChannelProvisioner claimingWith(ChannelClaims otherClaims) {
        return new ChannelProvisioner(slack, directory, otherClaims, teamZone, ownedOtherwise);
    }

    public ChannelRef provision(Incident incident) {
        return provision(new ChannelRequest(ChannelPrefix.of(incident), incident.id(), incident.title(),
                incident.times().declaredAt(), incident.isPrivate()));
    }

    public ChannelRef provision(ChannelRequest request) {
        String base = ChannelNames.forDay(request.kind(), request.openedAt().atZone(teamZone).toLocalDate(),
                request.title(), request.ownerId());
        String byNumber = ChannelNames.byNumber(request.kind(), request.title(), request.ownerId());
        int creates = 0;
        int ambiguous = 0;
        int index = 1;
        while (index <= MAX_NAMES_PER_ATTEMPT && creates < MAX_CREATES_PER_ATTEMPT) {
            String name = ChannelNames.candidate(base, byNumber, index);
            if (claims.claim(request.ownerId(), name, request.isPrivate()) != ChannelNameClaims.Claim.MINE) {
                index++;
                continue;
            }
            creates++;
            try {
                Conversation created = slack.createChannel(name, request.isPrivate());
                return new ChannelRef(created.getId(), created.getName());
            } catch (SlackCallFailed e) {
                boolean taken = "name_taken".equals(e.error());
                boolean unclear = "fatal_error".equals(e.error()) && ambiguous++ < MAX_AMBIGUOUS_ATTEMPTS;
                if (!taken && !unclear) {
                    throw e;
                }
                Optional<Conversation> existing = slack.findChannel(name);
                if (existing.isPresent() && isOwnEarlierAttempt(existing.get(), request.isPrivate())) {
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

    private boolean isOwnEarlierAttempt(Conversation channel, boolean isPrivate) {
        return slack.botUserId().equals(channel.getCreator()) && channel.isPrivate() == isPrivate
                && directory.byChannel(channel.getId()).isEmpty() && !ownedOtherwise.test(channel.getId());
    }

    public record ChannelRef(String id, String name) {
    }

    /** A channel to make: for which kind of owner, its number, the title its name comes from, when, and its privacy. */
    public record ChannelRequest(ChannelPrefix kind, long ownerId, String title, Instant openedAt, boolean isPrivate) {
    }
}
