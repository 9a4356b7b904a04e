package dev.mayday.outbox;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who the paging system has on call for a new incident: they are invited to its channel (those Slack knows by their
 * email) and one line there says who was invited and who must be invited by hand. Queued once per
 * {@link PagerResponders} row ({@code respondersRowId}), whose id names the line's tag, as it did when that row posted
 * the line itself.
 */
public record OnCallInvited(long incidentId, long respondersRowId, List<Person> onCall) implements Publication {

    public OnCallInvited {
        onCall = List.copyOf(onCall);
    }

    /** Someone on call, as the paging system knows them; {@code email} is null when it has none. */
    public record Person(String name, String email) {

        public Optional<String> knownEmail() {
            return Optional.ofNullable(email);
        }
    }

    @Override
    public Lane lane() {
        return Lane.slack(incidentId);
    }

    @Override
    public OptionalLong incident() {
        return OptionalLong.of(incidentId);
    }

    public String tag() {
        return "oncall-" + respondersRowId;
    }

    /** The unique key that queues this line once per responders row, however often that row is retried. */
    public String uniqueKey() {
        return tag();
    }
}
