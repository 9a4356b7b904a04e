package dev.mayday.postmortem;

import dev.mayday.db.Database;
import dev.mayday.db.postmortem.LearningDao;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the team learned, written down with {@code /incident learned} during an incident or after it. */
public final class Learnings {

    public static final int MAX_TEXT_LENGTH = 1000;

    private final Database database;

    public Learnings(Database database) {
        this.database = database;
    }

    public Learning add(long incidentId, String text, String author, Instant at) {
        String checked = FollowUpText.require(text, MAX_TEXT_LENGTH, "learning",
                "/incident learned Connection pool limits are per pod, not per service");
        Objects.requireNonNull(author, "author");
        return database.inTransaction(store -> {
            if (store.incidents().byId(incidentId).isEmpty()) {
                throw ActionItems.noSuchIncident(incidentId);
            }
            LearningDao learnings = store.learnings();
            long id = learnings.insert(incidentId, checked, author, at.toEpochMilli());
            return FollowUpRows.toLearning(learnings.byId(id).orElseThrow());
        });
    }

    public List<Learning> list(long incidentId) {
        return database.read(store -> store.learnings().forIncident(incidentId).stream()
                .map(FollowUpRows::toLearning).toList());
    }

    /** The learnings of incidents closed in [from, to): what the weekly digest reports. */
    public List<Learning> ofIncidentsClosedBetween(Instant from, Instant to) {
        return database.read(store -> store.learnings()
                .ofIncidentsClosedBetween(from.toEpochMilli(), to.toEpochMilli()).stream()
                .map(FollowUpRows::toLearning).toList());
    }
}
