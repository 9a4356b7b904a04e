package dev.mayday.postmortem;

import dev.mayday.db.Database;
import dev.mayday.db.incident.IncidentDao;
import dev.mayday.db.postmortem.LearningDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the team learned, written down with {@code /incident learned} during an incident or after it. */
public final class Learnings {

    public static final int MAX_TEXT_LENGTH = 1000;

    private final Jdbi jdbi;

    public Learnings(Database database) {
        this.jdbi = database.jdbi();
    }

    public Learning add(long incidentId, String text, String author, Instant at) {
        String checked = FollowUpText.require(text, MAX_TEXT_LENGTH, "learning",
                "/incident learned Connection pool limits are per pod, not per service");
        Objects.requireNonNull(author, "author");
        return jdbi.inTransaction(handle -> {
            if (handle.attach(IncidentDao.class).byId(incidentId).isEmpty()) {
                throw ActionItems.noSuchIncident(incidentId);
            }
            LearningDao learnings = handle.attach(LearningDao.class);
            long id = learnings.insert(incidentId, checked, author, at.toEpochMilli());
            return FollowUpRows.toLearning(learnings.byId(id).orElseThrow());
        });
    }

    public List<Learning> list(long incidentId) {
        return jdbi.withHandle(handle -> handle.attach(LearningDao.class).forIncident(incidentId).stream()
                .map(FollowUpRows::toLearning).toList());
    }

    /** The learnings of incidents closed in [from, to): what the weekly digest reports. */
    public List<Learning> ofIncidentsClosedBetween(Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.attach(LearningDao.class)
                .ofIncidentsClosedBetween(from.toEpochMilli(), to.toEpochMilli()).stream()
                .map(FollowUpRows::toLearning).toList());
    }
}
