package dev.mayday.db.outbox;

import dev.mayday.db.QueryPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's looks for lane heads run several times a second, the claim inside the writer's turn: each must walk
 * pending rows oldest first and stop at its limit, never find every due row and sort them (V039).
 */
class OutboxLookupPlansTest {

    @TempDir
    Path dir;

    @Test
    void theLookForDueLaneHeads_walksPendingRowsInOrder_withoutSorting() throws Exception {
        assertThat(QueryPlans.onSqlite(dir, OutboxDao.DUE))
                .anySatisfy(line -> assertThat(line).contains("USING INDEX outbox_pending_in_order"))
                .noneSatisfy(line -> assertThat(line).contains("TEMP B-TREE"));
    }

    @Test
    void theClaim_walksPendingRowsInOrder_withoutSorting() throws Exception {
        assertThat(QueryPlans.onSqlite(dir, OutboxClaims.CLAIM_SQLITE.formatted("")))
                .anySatisfy(line -> assertThat(line).contains("USING INDEX outbox_pending_in_order"))
                .noneSatisfy(line -> assertThat(line).contains("TEMP B-TREE"));
    }
}
