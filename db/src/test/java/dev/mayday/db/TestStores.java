package dev.mayday.db;

import dev.mayday.support.TestPostgres;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The kinds of store the store tests run against: SQLite always, PostgreSQL when a server is there
 * ({@link TestPostgres}). A test method takes one with {@link StoreTest}.
 */
public final class TestStores {

    public static final String KINDS = "dev.mayday.db.TestStores#kinds";

    private TestStores() {
    }

    private static final Object LOCK = new Object();
    /** A database migrated once per test JVM, copied for each test, dropped when the JVM ends. */
    private static TestPostgres.Scratch migrated;

    private static TestPostgres.Scratch migrated(TestPostgres server) {
        synchronized (LOCK) {
            if (migrated == null) {
                TestPostgres.Scratch template = server.createDatabase();
                Database.open(template.url()).close();
                Runtime.getRuntime().addShutdownHook(new Thread(template::close, "drop-test-template"));
                migrated = template;
            }
            return migrated;
        }
    }

    public static Stream<StoreKind> kinds() {
        return TestPostgres.server().isPresent() ? Stream.of(StoreKind.SQLITE, StoreKind.POSTGRESQL)
                : Stream.of(StoreKind.SQLITE);
    }

    /** A new, empty, migrated store of {@code kind}: a file in {@code dir}, or a scratch PostgreSQL database. */
    public static OpenStore open(StoreKind kind, Path dir) {
        return switch (kind) {
            case SQLITE -> new OpenStore(Database.open("jdbc:sqlite:" + dir.resolve("test.db")), () -> { });
            case POSTGRESQL -> {
                TestPostgres server = TestPostgres.server().orElseThrow();
                TestPostgres.Scratch scratch = server.copyOf(migrated(server));
                try {
                    yield new OpenStore(Database.open(scratch.url()), scratch);
                } catch (RuntimeException e) {
                    scratch.close();
                    throw e;
                }
            }
        };
    }

    /** A store for one test; closing it closes the store and drops what the test created for it. */
    public record OpenStore(Database database, AutoCloseable dropAfter) implements AutoCloseable {

        @Override
        public void close() {
            try (dropAfter) {
                database.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not clean up the test store", e);
            }
        }
    }
}
