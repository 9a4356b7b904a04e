package dev.mayday.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up's shortcut past Flyway: taken only by a store whose history ends at the newest migration, cleanly. */
class MigrationsTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path dir;

    @Test
    void newest_isTheHighestVersionAmongTheMigrationFiles() throws IOException, URISyntaxException {
        Path root = Path.of(Migrations.class.getClassLoader().getResource("db").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            int highest = files.map(file -> VERSION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
            assertThat(Migrations.NEWEST).as("Migrations.NEWEST, after adding a migration").isEqualTo(highest);
        }
    }

    @Test
    void aStoreMigratedToTheNewest_isCurrent_andOneBehindOrWithAFailedStepIsNot() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("m.db");
        Database.open(url).close();
        assertThat(Migrations.isCurrent(() -> DriverManager.getConnection(url))).isTrue();

        execute(url, "UPDATE flyway_schema_history SET success = 0 WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        assertThat(Migrations.isCurrent(() -> DriverManager.getConnection(url))).isFalse();

        execute(url, "DELETE FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        assertThat(Migrations.isCurrent(() -> DriverManager.getConnection(url))).isFalse();
    }

    @Test
    void aNewStore_isNotCurrent() {
        String url = "jdbc:sqlite:" + dir.resolve("new.db");
        assertThat(Migrations.isCurrent(() -> DriverManager.getConnection(url))).isFalse();
    }

    @Test
    void aStoreOneBehind_isMigratedOnOpen() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("behind.db");
        Database.open(url).close();
        execute(url, "DROP INDEX outbox_pending_in_order");
        execute(url, "DELETE FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        execute(url, "DROP INDEX outbox_pager_notes");
        execute(url, "DROP INDEX outbox_incident");
        execute(url, "CREATE INDEX outbox_incident ON outbox (incident_id)");

        Database.open(url).close();

        assertThat(Migrations.isCurrent(() -> DriverManager.getConnection(url))).isTrue();
        try (var connection = DriverManager.getConnection(url);
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE name = 'outbox_pending_in_order'")) {
            assertThat(rows.next() && rows.getInt(1) == 1).isTrue();
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
