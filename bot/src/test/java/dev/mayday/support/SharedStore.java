package dev.mayday.support;

import dev.mayday.db.Database;
import dev.mayday.db.StoreKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One store opened by several {@link Database} objects, as several processes open it: a SQLite file, or a scratch
 * PostgreSQL database when a server is there ({@link TestPostgres}). Closing it closes them all and drops the database.
 */
public final class SharedStore implements AutoCloseable {

    /** For {@code @MethodSource}: SQLite always, PostgreSQL when a server answers. */
    public static final String KINDS = "dev.mayday.support.SharedStore#kinds";

    private static final Object LOCK = new Object();
    /** A database migrated once per test JVM, copied for each test, dropped when the JVM ends. */
    private static TestPostgres.Scratch migrated;

    private final String url;
    private final AutoCloseable dropAfter;
    private final List<Database> opened = new ArrayList<>();

    private SharedStore(String url, AutoCloseable dropAfter) {
        this.url = url;
        this.dropAfter = dropAfter;
    }

    public static Stream<StoreKind> kinds() {
        return TestPostgres.server().isPresent() ? Stream.of(StoreKind.SQLITE, StoreKind.POSTGRESQL)
                : Stream.of(StoreKind.SQLITE);
    }

    /** A new, empty store of {@code kind} (a file in {@code dir} for SQLite), opened and migrated once. */
    public static SharedStore create(StoreKind kind, Path dir) {
        SharedStore store = switch (kind) {
            case SQLITE -> new SharedStore("jdbc:sqlite:" + dir.resolve("shared.db"), () -> { });
            case POSTGRESQL -> {
                TestPostgres server = TestPostgres.server().orElseThrow();
                TestPostgres.Scratch scratch = server.copyOf(migrated(server));
                yield new SharedStore(scratch.url(), scratch);
            }
        };
        store.open();
        return store;
    }

    private static TestPostgres.Scratch migrated(TestPostgres server) {
        synchronized (LOCK) {
            if (migrated == null) {
                TestPostgres.Scratch template = server.createDatabase();
                Database.open(template.url()).close();
                Runtime.getRuntime().addShutdownHook(new Thread(template::close, "drop-shared-store-template"));
                migrated = template;
            }
            return migrated;
        }
    }

    /** One more process's own view of the store. */
    public Database open() {
        Database database = Database.open(url);
        opened.add(database);
        return database;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        try (dropAfter) {
            for (Database database : opened) {
                database.close();
            }
        }
    }
}
