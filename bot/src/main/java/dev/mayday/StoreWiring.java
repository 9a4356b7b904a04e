package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.db.RedactedUrl;
import dev.mayday.db.StoreFile;
import dev.mayday.db.StoreKind;
import dev.mayday.db.backup.StoreLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store. A SQLite file gets its lock, held while the server runs so that a restore cannot replace the store under
 * it (and a second server cannot share it), then the database; a PostgreSQL database is shared by any number of
 * servers and restored with PostgreSQL's own tools, so it has no lock. What stops either is one line naming
 * DATABASE_URL, which never repeats a password.
 */
final class StoreWiring {

    private final Database database;

    StoreWiring(String databaseUrl, Opened opened) {
        if (StoreKind.of(databaseUrl) == StoreKind.POSTGRESQL) {
            this.database = opened.add("the database", open(databaseUrl, RedactedUrl.of(databaseUrl)));
            return;
        }
        Path file = StoreFile.of(databaseUrl);
        checkPlace(file);
        opened.add("the store lock", lock(file).orElseThrow(() -> new ConfigException("Another Mayday server is using "
                + file + " (DATABASE_URL): stop it first, or give this one its own store.")));
        this.database = opened.add("the database", open(databaseUrl, file.toString()));
    }

    Database database() {
        return database;
    }

    /** The usual mistakes, said plainly before SQLite or the lock file report them in their own words. */
    private static void checkPlace(Path file) {
        Path directory = file.getParent();
        if (Files.isDirectory(file)) {
            throw new StartFailed(file + " is a directory, not a store file", "DATABASE_URL");
        }
        if (!Files.isDirectory(directory)) {
            throw new StartFailed("the store's directory " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist"), "DATABASE_URL");
        }
        if (!Files.isWritable(directory)) {
            throw new StartFailed("the store's directory " + directory + " is not writable", "DATABASE_URL");
        }
    }

    private static Optional<StoreLock> lock(Path file) {
        try {
            return StoreLock.tryAcquire(file);
        } catch (RuntimeException e) {
            throw new StartFailed("cannot create the store " + file, "DATABASE_URL", e);
        }
    }

    private static Database open(String databaseUrl, String shown) {
        try {
            return Database.open(databaseUrl);
        } catch (RuntimeException e) {
            throw new StartFailed("cannot open the store " + shown, "DATABASE_URL", innermost(e));
        }
    }

    /** Flyway wraps SQLite's one-line reason in a page of its own; the innermost message is the one that says why. */
    private static RuntimeException innermost(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e : new IllegalStateException(cause.getMessage(), cause);
    }
}
