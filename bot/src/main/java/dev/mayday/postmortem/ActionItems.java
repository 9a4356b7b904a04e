package dev.mayday.postmortem;

import dev.mayday.db.Database;
import dev.mayday.db.postmortem.ActionItemDao;
import dev.mayday.incident.IncidentRuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-ups an incident leaves: captured with {@code /incident action}, listed with their owner and state, marked
 * done once. Adding to a closed incident is allowed: follow-ups are what a closed incident is for.
 */
public final class ActionItems {

    public static final int MAX_TEXT_LENGTH = 500;

    private final Database database;

    public ActionItems(Database database) {
        this.database = database;
    }

    /** {@code owner} is a user id or null (nobody yet); {@code by} is who asked for it. */
    public ActionItem add(long incidentId, String text, String owner, String by, Instant at) {
        String checked = FollowUpText.require(text, MAX_TEXT_LENGTH, "action item",
                "/incident action Add a canary step to the checkout deploy @owner");
        Objects.requireNonNull(by, "by");
        String ownerId = FollowUpText.optionalUser(owner);
        return database.inTransaction(store -> {
            if (store.incidents().byId(incidentId).isEmpty()) {
                throw noSuchIncident(incidentId);
            }
            ActionItemDao items = store.actionItems();
            long id = items.insert(incidentId, checked, ownerId, by, at.toEpochMilli());
            return FollowUpRows.toItem(items.byId(id).orElseThrow());
        });
    }

    public List<ActionItem> list(long incidentId) {
        return database.read(store -> store.actionItems().forIncident(incidentId).stream()
                .map(FollowUpRows::toItem).toList());
    }

    public Optional<ActionItem> byId(long itemId) {
        return database.read(store -> store.actionItems().byId(itemId).map(FollowUpRows::toItem));
    }

    /**
     * Marks item {@code itemId} of incident {@code incidentId} done. The item id comes from a button, which anyone can
     * send with any id: an item of another incident is refused like a missing one (and not told apart from it, so
     * that a private incident's items stay private). Idempotent: an item done before stays done with its first time
     * and person.
     */
    public MarkedDone markDone(long incidentId, long itemId, String by, Instant at) {
        Objects.requireNonNull(by, "by");
        return database.inTransaction(store -> {
            ActionItemDao items = store.actionItems();
            boolean changed = items.markDone(incidentId, itemId, by, at.toEpochMilli()) == 1;
            ActionItem item = items.byId(itemId).filter(row -> row.incidentId() == incidentId)
                    .map(FollowUpRows::toItem).orElseThrow(() -> new IncidentRuleViolation("Incident #" + incidentId
                            + " has no action item #" + itemId + ". See its current list with `/incident actions`."));
            return new MarkedDone(item, changed);
        });
    }

    /** Every open item of every incident with its age at {@code now}, oldest first: the digest's overdue list. */
    public List<OpenActionItem> openAcrossIncidents(Instant now) {
        return database.read(store -> store.actionItems().open().stream()
                .map(FollowUpRows::toItem)
                .map(item -> new OpenActionItem(item, Duration.between(item.createdAt(), now)))
                .toList());
    }

    /** Items added in [from, to). */
    public List<ActionItem> openedBetween(Instant from, Instant to) {
        return database.read(store -> store.actionItems()
                .createdBetween(from.toEpochMilli(), to.toEpochMilli()).stream().map(FollowUpRows::toItem).toList());
    }

    /** Items marked done in [from, to). */
    public List<ActionItem> doneBetween(Instant from, Instant to) {
        return database.read(store -> store.actionItems()
                .doneBetween(from.toEpochMilli(), to.toEpochMilli()).stream().map(FollowUpRows::toItem).toList());
    }

    static IncidentRuleViolation noSuchIncident(long incidentId) {
        return new IncidentRuleViolation("There is no incident #" + incidentId + ".");
    }
}
