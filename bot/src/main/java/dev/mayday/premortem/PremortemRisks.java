package dev.mayday.premortem;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentRuleViolation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The risks of a pre-mortem: {@code /incident risk <text> [@owner]}, a 📌 on a message in its channel, and
 * {@code /incident mitigate <n> <text>}. Each change queues one card refresh with it.
 */
public final class PremortemRisks {

    private final Database database;
    private final Premortems premortems;
    private final Clock clock;
    /** Wakes the outbox after a commit that queued something (it must not block). */
    private final Runnable queued;

    public PremortemRisks(Database database, Premortems premortems, Clock clock, Runnable queued) {
        this.database = database;
        this.premortems = premortems;
        this.clock = clock;
        this.queued = queued;
    }

    public List<Risk> of(long premortemId) {
        return database.read(store -> store.premortems().risks(premortemId).stream().map(Risk::of).toList());
    }

    /** Adds a risk, owned by {@code owner} when one was named. */
    public Risk add(String channelId, String user, String text, Optional<String> owner) {
        Premortem premortem = premortems.openIn(channelId, "risk");
        String what = Premortems.required(text, "Say what could go wrong: `/incident risk <text> [@owner]`.");
        Risk added = database.inTransaction(store -> {
            store.premortems().addRisk(premortem.id(), what, owner.orElse(null), user, clock.millis(), null);
            Premortems.refreshCard(store, premortem.id(), clock.instant());
            List<Risk> risks = store.premortems().risks(premortem.id()).stream().map(Risk::of).toList();
            return risks.get(risks.size() - 1);
        });
        queued.run();
        return added;
    }

    /** A 📌 on a message in an open pre-mortem's channel records what it said as a risk, once per message. */
    public Optional<Risk> pinned(String channelId, String ts, String pinnedBy) {
        Optional<Premortem> premortem = premortems.inChannel(channelId).filter(p -> !p.isClosed());
        if (premortem.isEmpty()) {
            return Optional.empty();
        }
        long id = premortem.get().id();
        Optional<Risk> added = database.inTransaction(store -> {
            String text = store.premortems().messageText(channelId, ts).orElse("(a message Mayday did not capture)");
            if (store.premortems().addRisk(id, text, null, pinnedBy, clock.millis(), ts) == 0) {
                return Optional.<Risk>empty();
            }
            Premortems.refreshCard(store, id, clock.instant());
            return store.premortems().risks(id).stream().map(Risk::of).reduce((a, b) -> b);
        });
        queued.run();
        return added;
    }

    /** Keeps what was said in a pre-mortem's channel, for a later 📌; true when the channel is one. */
    public boolean said(String channelId, String ts, String author, String text) {
        if (text == null || text.isBlank() || !premortems.ownsChannel(channelId)) {
            return false;
        }
        database.inTransaction(store -> store.premortems().rememberMessage(channelId, ts, author, text));
        return true;
    }

    /** Records how risk {@code number} is mitigated (a later one replaces it); a number that is not a risk is refused. */
    public Risk mitigate(String channelId, int number, String text) {
        Premortem premortem = premortems.openIn(channelId, "mitigate");
        String how = Premortems.required(text, "Say how risk " + number + " is mitigated: "
                + "`/incident mitigate " + number + " <text>`.");
        Risk mitigated = database.inTransaction(store -> {
            if (store.premortems().mitigate(premortem.id(), number, how) == 0) {
                int count = store.premortems().risks(premortem.id()).size();
                throw new IncidentRuleViolation("There is no risk " + number + (count == 0
                        ? ": none is recorded yet. Add one with `/incident risk <text> [@owner]`."
                        : ": the risks are numbered 1 to " + count + " (the card lists them)."));
            }
            Premortems.refreshCard(store, premortem.id(), clock.instant());
            return store.premortems().risks(premortem.id()).stream().map(Risk::of)
                    .filter(r -> r.number() == number).findFirst().orElseThrow();
        });
        queued.run();
        return mitigated;
    }
}
