package dev.mayday.db;

import dev.mayday.db.rotation.OpenIncidentDao;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whichever way the store is used, a failure comes out as {@link StoreException}, with JDBI's failure as its cause. */
class StoreFailuresTest {

    @TempDir
    Path dir;

    private Database open() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        db.jdbi().useHandle(h -> {
            h.execute("DROP TABLE seen_requests");
            h.execute("ALTER TABLE incidents RENAME TO incidents_gone");
        });
        return db;
    }

    @Test
    void unitOfWork_thatFails_raisesStoreException() {
        Database db = open();

        assertThatThrownBy(() -> db.read(s -> s.incidents().byId(1)))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> db.inTransaction(s -> s.incidents().byId(1)))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
    }

    @Test
    void daoCalledOnJdbi_thatFails_raisesStoreException() {
        Database db = open();

        assertThatThrownBy(() -> db.jdbi().withExtension(OpenIncidentDao.class, dao -> dao.openIncidentIds(5)))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> db.jdbi().onDemand(OpenIncidentDao.class).openIncidentIds(5))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
    }

    @Test
    void handleAndTransactionOnJdbi_thatFail_raiseStoreException() {
        Database db = open();

        assertThatThrownBy(() -> db.jdbi().withHandle(h -> h.execute("INSERT INTO seen_requests VALUES ('x', 1)")))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> h.execute("INSERT INTO seen_requests VALUES ('x', 1)")))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(JdbiException.class);
    }
}
