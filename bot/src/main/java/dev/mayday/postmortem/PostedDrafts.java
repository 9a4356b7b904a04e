package dev.mayday.postmortem;

import dev.mayday.db.Database;

import java.util.Optional;

/**
 * Where an incident's current post-mortem draft is shown: the file of its latest version and the summary message
 * that is posted once and updated for each later version.
 */
public final class PostedDrafts {

    /** The file and the summary message of the version last shown. */
    public record PostedDraft(String fileId, String summaryTs) {
    }

    private final Database database;

    public PostedDrafts(Database database) {
        this.database = database;
    }

    public Optional<PostedDraft> of(long incidentId) {
        return database.read(store -> store.postmortemPosts().of(incidentId))
                .map(row -> new PostedDraft(row.fileId(), row.summaryTs()));
    }

    public void record(long incidentId, int version, PostedDraft shown) {
        database.inTransaction(store -> store.postmortemPosts().save(incidentId, shown.fileId(), shown.summaryTs(),
                version));
    }
}
