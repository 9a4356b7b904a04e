package dev.mayday.cli;

import dev.mayday.db.RedactedUrl;
import dev.mayday.db.StoreFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store a reading command is pointed at, checked before it is opened: opening a SQLite URL creates the file, so a
 * mistyped {@code DATABASE_URL} would otherwise answer from a new, empty store (and leave it behind).
 */
final class ExistingStore {

    private ExistingStore() {
    }

    /** Why a command will not open the store: one line, and the exit status that goes with it. */
    record Refusal(String line, int exitCode) {
    }

    /** Why {@code url} names no existing store file, or empty when it does. */
    static Optional<Refusal> check(String url) {
        if (OnPostgres.names(url)) {
            // opening a PostgreSQL URL creates no database: a wrong one fails to connect, and says so
            return Optional.empty();
        }
        Optional<Path> file;
        try {
            file = StoreFile.find(url);
        } catch (IllegalArgumentException notSqlite) {
            return Optional.of(new Refusal("DATABASE_URL must be the JDBC URL of a SQLite file, such as "
                    + "jdbc:sqlite:mayday.db, or of a PostgreSQL database, got: " + RedactedUrl.of(url),
                    Cli.BAD_SETTING));
        }
        if (file.isEmpty()) {
            return Optional.of(new Refusal("DATABASE_URL names an in-memory store, which holds nothing outside a "
                    + "running server: " + url, Cli.BAD_SETTING));
        }
        if (!Files.isRegularFile(file.get())) {
            return Optional.of(new Refusal("There is no store at " + file.get() + " (DATABASE_URL): check the "
                    + "setting; nothing was created.", Cli.FAILED));
        }
        return Optional.empty();
    }
}
