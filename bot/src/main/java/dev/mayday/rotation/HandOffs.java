package dev.mayday.rotation;

import dev.mayday.db.Database;
import dev.mayday.db.rotation.HandoffOfferRow;
import dev.mayday.db.rotation.LeadStintRow;
import dev.mayday.outbox.HandOffOffered;
import dev.mayday.outbox.HandOffTaken;
import dev.mayday.outbox.Publications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Back pressure on long lead stints: a lead who has held an open incident for more than {@code after} is offered a
 * hand-off to the next in line, once per stint (their assignment). The offer and its post ({@link HandOffOffered}) are
 * stored in one transaction, so a restart never offers again and a crash never loses the post.
 */
public final class HandOffs {

    private final Database database;
    private final Clock clock;
    private final Duration after;
    private final DutyService duty;

    public HandOffs(Database database, Clock clock, Duration after, DutyService duty) {
        this.database = database;
        this.clock = clock;
        this.after = after;
        this.duty = duty;
    }

    public Duration after() {
        return after;
    }

    /**
     * One offer: for the lead stint {@code stint} of the incident, to {@code next}. {@code messageTs} is null until
     * it is in Slack.
     */
    public record Offer(long stint, long incidentId, String lead, String next, Instant offeredAt, String messageTs) {
    }

    /**
     * Records an offer for each stint now due (at most {@code limit}), each to the first in line who is neither the
     * lead, busy with an open incident, away, nor already offered another stint in this round, and queues its post. A
     * stint with nobody to offer gets no record and is looked at again next time. Returns the offers recorded.
     */
    public List<Offer> offerDue(int limit) {
        Instant now = clock.instant();
        List<LeadStintRow> due = database.read(store -> store.handOffOffers()
                .stintsDue(now.minus(after).toEpochMilli(), limit));
        if (due.isEmpty()) {
            return List.of();
        }
        DutyStanding standing = duty.standing();
        Set<String> offeredNow = new HashSet<>();
        List<Offer> made = new ArrayList<>();
        for (LeadStintRow stint : due) {
            Optional<String> next = nextInLine(standing, stint.lead(), offeredNow);
            if (next.isEmpty()) {
                continue;
            }
            boolean recorded = database.inTransaction(store -> {
                if (store.handOffOffers().offer(stint.assignmentId(), stint.incidentId(), stint.lead(), next.get(),
                        now.toEpochMilli()) == 0) {
                    return false;
                }
                HandOffOffered post = new HandOffOffered(stint.assignmentId(), stint.incidentId());
                Publications.enqueueOnce(store, post, post.uniqueKey(), now);
                return true;
            });
            if (recorded) {
                offeredNow.add(next.get());
                made.add(new Offer(stint.assignmentId(), stint.incidentId(), stint.lead(), next.get(), now, null));
            }
        }
        return made;
    }

    /** The first in line other than {@code lead}, who is free and not away, and not in {@code exclude}. */
    static Optional<String> nextInLine(DutyStanding standing, String lead, Set<String> exclude) {
        return standing.rows().stream()
                .filter(row -> row.placeInLine() != null && !row.isAway() && !row.busy())
                .filter(row -> !row.member().userId().equals(lead) && !exclude.contains(row.member().userId()))
                .min(Comparator.comparing(DutyStanding.Row::placeInLine))
                .map(row -> row.member().userId());
    }

    public Optional<Offer> offer(long stint) {
        return database.read(store -> store.handOffOffers().byStint(stint)).map(HandOffs::toOffer);
    }

    /** Whether the offer's lead still holds the stint it was made for. */
    public boolean isCurrent(Offer offer) {
        return database.read(store -> store.roster().currentAssignment(offer.incidentId(), DutyRole.LEAD.name()))
                .map(row -> row.id() == offer.stint())
                .orElse(false);
    }

    /** Whether {@code user} may take up the offer: the one it was made to, or anyone on the roster now. */
    public boolean mayAccept(Offer offer, String user) {
        return offer.next().equals(user) || database.read(store -> store.roster().member(user))
                .filter(member -> member.leftAt() == null).isPresent();
    }

    /** Queues the offer's message to say that {@code by} took it up (after the lead change it caused committed). */
    public void taken(Offer offer, String by) {
        database.inTransaction(store -> {
            Publications.enqueue(store, new HandOffTaken(offer.stint(), offer.incidentId(), by), clock.instant());
            return null;
        });
    }

    /** Records the ts of the offer's message once it is in Slack (the button's answer replaces it). */
    public void posted(Offer offer, String ts) {
        database.inTransaction(store -> store.handOffOffers().posted(offer.stint(), ts));
    }

    private static Offer toOffer(HandoffOfferRow row) {
        return new Offer(row.assignmentId(), row.incidentId(), row.lead(), row.nextLead(),
                Instant.ofEpochMilli(row.offeredAt()), row.messageTs());
    }
}
