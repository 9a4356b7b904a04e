package dev.mayday.outbox;

import java.util.OptionalLong;

/**
 * Something that must happen outside Mayday (in Slack, in PagerDuty) because of a change the store committed. A
 * publication is queued in the same transaction as its change ({@link Publications#enqueue}) and delivered by the
 * {@link Outbox}, through the {@link Delivery} registered for its type in {@link Deliveries}.
 * <p>
 * Every type is a record of this package, stored as JSON under its simple name: renaming a record or one of its
 * components strands the rows still pending under the old name, so add a type rather than change one.
 */
public sealed interface Publication permits ChannelSetUp, ChannelRefused, ChangePosted, PostmortemRequested,
        IncidentNotice, OnCallInvited, PagerResolve, PagerNote, PagerResponders, PagerPage, PagerAcknowledge,
        PagerPriority, PagerReassign, RosterNotice, HandOffOffered, HandOffTaken, WeeklyDigest, HomeRefresh, DrillNotice,
        UpdateReminder, CloseReminder, StakeholderUpdate, PremortemSetUp, PremortemCardRefresh, PremortemSummaryRequested,
        PremortemOffer {

    /** The rows that must keep their order with this one. */
    Lane lane();

    /** The incident it is about, if any (a weekly digest or a direct message is about none). */
    default OptionalLong incident() {
        return OptionalLong.empty();
    }
}
