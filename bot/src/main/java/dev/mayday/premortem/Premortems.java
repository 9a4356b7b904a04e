package dev.mayday.premortem;

import dev.mayday.db.Database;
import dev.mayday.db.premortem.PremortemRow;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.outbox.PremortemCardRefresh;
import dev.mayday.outbox.PremortemSetUp;
import dev.mayday.outbox.PremortemSummaryRequested;
import dev.mayday.outbox.Publications;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pre-mortems: opened with the change they imagine failing, given a rollback plan, closed with a summary. Each rule
 * is one transaction that also queues what Slack must show (the channel and card, a card refresh, the summary), so
 * a restart or a second delivery never makes a second channel or card.
 */
public final class Premortems {

    public static final int MAX_TEXT_LENGTH = 500;

    private final Database database;
    private final Clock clock;
    /** Wakes the outbox after a commit that queued something (it must not block). */
    private final Runnable queued;

    public Premortems(Database database, Clock clock, Runnable queued) {
        this.database = database;
        this.clock = clock;
        this.queued = queued;
    }

    /** Opens one; the same request again ({@code requestKey}) answers the pre-mortem it opened. */
    public Opened open(String change, String openedBy, String requestKey, boolean isPrivate) {
        String text = required(change, "Say what the change is: `/incident premortem <the change>`, e.g. "
                + "`/incident premortem migrate checkout to the new payments API`.");
        Opened opened = database.inTransaction(store -> {
            boolean isNew = store.premortems().open(text, openedBy, clock.millis(), requestKey, isPrivate) == 1;
            PremortemRow row = store.premortems().byRequestKey(requestKey).orElseThrow();
            if (isNew) {
                Publications.enqueue(store, new PremortemSetUp(row.id()), clock.instant());
            }
            return new Opened(Premortem.of(row), isNew);
        });
        queued.run();
        return opened;
    }

    public Optional<Premortem> byId(long id) {
        return database.read(store -> store.premortems().byId(id).map(Premortem::of));
    }

    public Optional<Premortem> inChannel(String channelId) {
        return database.read(store -> store.premortems().byChannel(channelId).map(Premortem::of));
    }

    /** The pre-mortem whose channel this is, still open; a private, helpful refusal otherwise. */
    public Premortem openIn(String channelId, String what) {
        Premortem premortem = inChannel(channelId).orElseThrow(() -> new IncidentRuleViolation(
                "`/incident " + what + "` works in a pre-mortem's channel: open one with "
                        + "`/incident premortem <the change>`."));
        if (premortem.isClosed()) {
            throw new IncidentRuleViolation("Pre-mortem #" + premortem.id() + " is closed: its summary is in the "
                    + "channel. Open a new one with `/incident premortem <the change>`.");
        }
        return premortem;
    }

    /** Records how the change is undone and how long that takes (a later plan replaces it). */
    public Premortem rollback(String channelId, String text) {
        Premortem premortem = openIn(channelId, "rollback");
        String plan = required(text, "Say how the change is undone and how long that takes: "
                + "`/incident rollback <text>`.");
        database.inTransaction(store -> {
            store.premortems().recordRollback(premortem.id(), plan);
            return refreshCard(store, premortem.id(), clock.instant());
        });
        queued.run();
        return byId(premortem.id()).orElseThrow();
    }

    /** Closes it: the summary is written and uploaded by the outbox. Closing twice is refused. */
    public Premortem close(String channelId, String user) {
        Premortem premortem = inChannel(channelId).orElseThrow(() -> new IncidentRuleViolation(
                "`/incident premortem close` works in a pre-mortem's channel."));
        boolean closedNow = database.inTransaction(store -> {
            if (store.premortems().close(premortem.id(), clock.millis(), user) == 0) {
                return false;
            }
            PremortemSummaryRequested summary = new PremortemSummaryRequested(premortem.id(), user);
            Publications.enqueueOnce(store, summary, summary.uniqueKey(), clock.instant());
            return refreshCard(store, premortem.id(), clock.instant());
        });
        queued.run();
        if (!closedNow) {
            throw new IncidentRuleViolation("Pre-mortem #" + premortem.id() + " is closed already: its summary is in "
                    + "this channel.");
        }
        return byId(premortem.id()).orElseThrow();
    }

    /** Records the channel the outbox made; false when it has one already or the channel is an incident's. */
    public boolean attachChannel(long id, String channelId, String channelName) {
        return database.inTransaction(store -> store.premortems().attachChannel(id, channelId, channelName) == 1
                || store.premortems().byId(id).map(row -> channelId.equals(row.channelId())).orElse(false));
    }

    public void recordCard(long id, String ts) {
        database.inTransaction(store -> store.premortems().recordCard(id, ts));
    }

    /** Whether the channel belongs to a pre-mortem (an incident never adopts it). */
    public boolean ownsChannel(String channelId) {
        return inChannel(channelId).isPresent();
    }

    static boolean refreshCard(Database.Store store, long premortemId, Instant now) {
        PremortemCardRefresh refresh = new PremortemCardRefresh(premortemId);
        Publications.enqueueUnlessQueued(store, refresh, refresh.uniqueKey(), now);
        return true;
    }

    static String required(String text, String whenMissing) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IncidentRuleViolation(whenMissing);
        }
        if (stripped.length() > MAX_TEXT_LENGTH) {
            throw new IncidentRuleViolation("That is " + stripped.length() + " characters: keep it under "
                    + MAX_TEXT_LENGTH + ".");
        }
        return stripped;
    }

    public record Opened(Premortem premortem, boolean isNew) {
    }
}
