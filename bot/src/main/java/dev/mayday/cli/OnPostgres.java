package dev.mayday.cli;

import dev.mayday.db.StoreKind;

import java.util.Optional;

/**
 * {@code backup}, {@code restore} and {@code drill} copy a SQLite file; a PostgreSQL database is backed up and restored with
 * PostgreSQL's own tools, which the refusal names in one line (the README's "Running on PostgreSQL" shows both).
 */
final class OnPostgres {

    static final String BACKUP = "DATABASE_URL names a PostgreSQL database, which Mayday does not copy itself: back it "
            + "up with pg_dump, e.g. pg_dump --format=custom --file=mayday.dump \"postgresql://HOST:5432/mayday\" "
            + "(see \"Running on PostgreSQL\" in the README).";
    static final String RESTORE = "DATABASE_URL names a PostgreSQL database, which Mayday does not replace itself: "
            + "stop every Mayday server, then restore it with pg_restore, e.g. pg_restore --clean --if-exists "
            + "--dbname=\"postgresql://HOST:5432/mayday\" mayday.dump (see \"Running on PostgreSQL\" in the README).";

    static final String DRILL = "DATABASE_URL names a PostgreSQL database: restore drills of pg_dump backups are the "
            + "operator's (pg_dump, then pg_restore into a scratch database); Mayday drills its SQLite store only.";

    private OnPostgres() {
    }

    /** {@code line} when {@code databaseUrl} names a PostgreSQL database, else empty. */
    static Optional<String> refusal(String databaseUrl, String line) {
        return names(databaseUrl) ? Optional.of(line) : Optional.empty();
    }

    static boolean names(String databaseUrl) {
        try {
            return StoreKind.of(databaseUrl) == StoreKind.POSTGRESQL;
        } catch (IllegalArgumentException neither) {
            return false;
        }
    }
}
