package dev.mayday.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL server the store tests run against, when there is one. Its URL is {@value #URL_VARIABLE} (by default
 * the server of this machine, {@value #DEFAULT_URL}); each test gets a scratch database of its own with a random name,
 * dropped when it closes, so no test touches an existing database. Without a server the PostgreSQL tests are left out
 * with one line saying how to run them, unless {@value #REQUIRE_VARIABLE}=1 (CI), which makes a missing server a failure.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "MAYDAY_TEST_POSTGRES_URL";
    public static final String REQUIRE_VARIABLE = "MAYDAY_REQUIRE_POSTGRES";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=2";

    private static final Object LOCK = new Object();
    /** Looked for once per test JVM, so the "left out" line is said once. */
    private static Optional<TestPostgres> found;

    private final String adminUrl;
    private final SecureRandom random = new SecureRandom();

    private TestPostgres(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** The server, or empty (after one line on stderr) when there is none and none is required. */
    public static Optional<TestPostgres> server() {
        synchronized (LOCK) {
            if (found == null) {
                found = look(System.getenv());
            }
            return found;
        }
    }

    /**
     * The server at {@code adminUrl} (a user that may create databases), without looking whether it answers: for a
     * caller with a URL of its own, such as the benchmark's PostgreSQL column. A server that does not answer fails the
     * first {@link #createDatabase}.
     */
    public static TestPostgres at(String adminUrl) {
        return new TestPostgres(adminUrl);
    }

    static Optional<TestPostgres> look(Map<String, String> env) {
        String url = Optional.ofNullable(env.get(URL_VARIABLE)).filter(u -> !u.isBlank()).orElse(DEFAULT_URL);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.isValid(2);
            return Optional.of(new TestPostgres(url));
        } catch (SQLException e) {
            String why = "no PostgreSQL server answered at " + hostPart(url) + " (" + e.getMessage() + ")";
            if ("1".equals(env.get(REQUIRE_VARIABLE))) {
                throw new IllegalStateException(REQUIRE_VARIABLE + "=1 but " + why + "; set " + URL_VARIABLE
                        + " to a server's JDBC URL or start the server", e);
            }
            System.err.println("PostgreSQL store tests skipped: " + why + ". To run them, set " + URL_VARIABLE
                    + "=jdbc:postgresql://HOST:5432/postgres?user=USER (a user that may create databases).");
            return Optional.empty();
        }
    }

    /** A new, empty database with a random name; closing it drops it. */
    public Scratch createDatabase() {
        String name = "mayday_test_" + HexFormat.of().formatHex(bytes());
        admin("CREATE DATABASE " + name);
        return new Scratch(name, withDatabase(adminUrl, name), this);
    }

    /**
     * A new database with a random name, a copy of {@code template} (which nobody may be connected to): much faster
     * than building the same schema again. Closing it drops it.
     */
    public Scratch copyOf(Scratch template) {
        String name = "mayday_test_" + HexFormat.of().formatHex(bytes());
        admin("CREATE DATABASE " + name + " TEMPLATE " + template.name);
        return new Scratch(name, withDatabase(adminUrl, name), this);
    }

    private byte[] bytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private void admin(String statement) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed on the test server: " + e.getMessage(), e);
        }
    }

    /** {@code url} naming database {@code name} instead of its own, its parameters kept. */
    static String withDatabase(String url, String name) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String head = url.substring(0, pathStart < 0 || (query >= 0 && query < pathStart)
                ? (query < 0 ? url.length() : query) : pathStart);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + name + tail;
    }

    private static String hostPart(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** One test's database: its JDBC URL, and dropped (with any connection still open to it) on close. */
    public static final class Scratch implements AutoCloseable {

        private final String name;
        private final String url;
        private final TestPostgres server;

        private Scratch(String name, String url, TestPostgres server) {
            this.name = name;
            this.url = url;
            this.server = server;
        }

        public String url() {
            return url;
        }

        /** Cuts every connection to this database and refuses new ones: the server is gone, as far as they know. */
        public void cutOff() {
            server.admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }

        /** Takes connections again after {@link #cutOff}. */
        public void reconnect() {
            server.admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }

        @Override
        public void close() {
            server.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
