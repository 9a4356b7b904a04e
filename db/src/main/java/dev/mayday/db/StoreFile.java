package dev.mayday.db;

import java.nio.file.Path;
import java.util.Optional;

/** The file behind a SQLite JDBC URL ({@code jdbc:sqlite:PATH?params}); in-memory stores have none. */
public final class StoreFile {

    private StoreFile() {
    }

    public static Path of(String jdbcUrl) {
        return find(jdbcUrl).orElseThrow(() ->
                new IllegalArgumentException("an in-memory store has no file to back up or restore"));
    }

    /** The file, or empty for an in-memory store. */
    public static Optional<Path> find(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("not a SQLite JDBC URL: " + jdbcUrl);
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            if (path.substring(query).contains("mode=memory")) {
                return Optional.empty();
            }
            path = path.substring(0, query);
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.isBlank() || path.equals(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path).toAbsolutePath());
    }
}
