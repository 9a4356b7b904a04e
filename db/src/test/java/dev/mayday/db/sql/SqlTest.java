package dev.mayday.db.sql;

import dev.mayday.db.Database;
import dev.mayday.db.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JDBC statements on a unit of work's connection, each prepared once per connection. */
class SqlTest {

    private static final String INSERT = "INSERT INTO processed_events (event_id, received_at) VALUES (?, ?)";
    private static final String COUNT = "SELECT count(*) FROM processed_events";

    @TempDir
    Path dir;
    Database db;
    Jdbi jdbi;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        jdbi = db.jdbi();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStatement_isPreparedOncePerConnection_andReusedByLaterUnitsOfWork() throws Exception {
        try (Handle handle = jdbi.open()) {
            PreparedStatements statements = jdbi.getConfig(PreparedStatements.class);
            Sql.on(handle).update(INSERT, "Ev1", 1L);
            Sql.on(handle).update(INSERT, "Ev2", 2L);

            assertThat(statements.connectionCount()).isEqualTo(1);
            assertThat(statementFor(handle, INSERT)).isSameAs(statementFor(handle, INSERT));
        }
        assertThat((int) db.read(store -> count())).isEqualTo(2);
    }

    @Test
    void firstAndList_readRows_andFirstIsEmptyForNoRowOrANullColumn() {
        jdbi.useHandle(h -> Sql.on(h).update(INSERT, "Ev1", 10L));
        try (Handle handle = jdbi.open()) {
            Sql sql = Sql.on(handle);

            assertThat(sql.list("SELECT event_id FROM processed_events", row -> row.getString("event_id")))
                    .containsExactly("Ev1");
            assertThat(sql.first("SELECT received_at FROM processed_events WHERE event_id = ?",
                    row -> row.getLong(1), "Ev1")).contains(10L);
            assertThat(sql.first("SELECT received_at FROM processed_events WHERE event_id = ?",
                    row -> row.getLong(1), "nope")).isEmpty();
            assertThat(sql.first("SELECT max(received_at) AS m FROM processed_events WHERE event_id = 'nope'",
                    row -> Sql.nullableLong(row, "m"))).isEmpty();
        }
    }

    @Test
    void aReusedQuery_holdsNoSnapshot_onceItsRowsAreRead() {
        try (Handle reader = jdbi.open(); Handle writer = jdbi.open()) {
            assertThat(Sql.on(reader).first(COUNT, row -> row.getInt(1))).contains(0);

            Sql.on(writer).update(INSERT, "Ev1", 1L);

            // another statement on the reader's connection: it would share a snapshot the first one still held
            assertThat(Sql.on(reader).first("SELECT count(*) AS n FROM processed_events", row -> row.getInt("n")))
                    .as("sees the other connection's write").contains(1);
        }
    }

    @Test
    void aFailingStatement_raisesStoreException_fromAUnitOfWork_namingTheStatement() {
        jdbi.useHandle(h -> h.execute("""
                CREATE TRIGGER disk_full BEFORE INSERT ON processed_events
                BEGIN SELECT RAISE(ABORT, 'disk full'); END"""));

        assertThatThrownBy(() -> db.inTransaction(store -> store.processedEvents().recordIfNew("Ev1", 1L)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("disk full")
                .hasMessageContaining("INSERT INTO processed_events")
                .hasRootCauseInstanceOf(java.sql.SQLException.class);

        jdbi.useHandle(h -> h.execute("DROP TRIGGER disk_full"));
        assertThat((int) db.inTransaction(store -> store.processedEvents().recordIfNew("Ev1", 1L)))
                .as("the reused statement works again").isEqualTo(1);
    }

    @Test
    void closedConnections_areForgotten_whenNewOnesArrive() {
        List<Handle> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Handle handle = jdbi.open();
            Sql.on(handle).first(COUNT, row -> row.getInt(1));
            many.add(handle);
        }
        PreparedStatements statements = jdbi.getConfig(PreparedStatements.class);
        assertThat(statements.connectionCount()).isEqualTo(20);
        many.forEach(Handle::close); // the pool keeps a few open and closes the rest

        List<Handle> again = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Handle handle = jdbi.open();
            Sql.on(handle).first(COUNT, row -> row.getInt(1));
            again.add(handle);
        }
        again.forEach(Handle::close);

        assertThat(statements.connectionCount()).isLessThanOrEqualTo(12);
    }

    private int count() {
        return jdbi.withHandle(h -> Sql.on(h).first(COUNT, row -> row.getInt(1)).orElseThrow());
    }

    private static java.sql.PreparedStatement statementFor(Handle handle, String sql) throws java.sql.SQLException {
        return handle.getJdbi().getConfig(PreparedStatements.class).prepared(handle.getConnection(), sql);
    }
}
