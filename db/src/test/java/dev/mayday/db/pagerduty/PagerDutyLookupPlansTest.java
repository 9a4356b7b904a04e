package dev.mayday.db.pagerduty;

import dev.mayday.db.QueryPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two questions asked on hot paths (every PagerDuty note webhook; every change made in Slack) answered from an index,
 * not by reading the outbox, whose delivered rows are kept (V039).
 */
class PagerDutyLookupPlansTest {

    @TempDir
    Path dir;

    @Test
    void whetherMaydayWroteANote_isOneIndexLook() throws Exception {
        assertThat(QueryPlans.onSqlite(dir, PagerDutyDao.OWN_NOTE))
                .noneSatisfy(line -> assertThat(line).startsWith("SCAN outbox"))
                .anySatisfy(line -> assertThat(line).contains("outbox_pager_notes"));
    }

    @Test
    void whetherAnIncidentIsPaged_looksUpTheIncidentAndTheTypeTogether() throws Exception {
        assertThat(QueryPlans.onSqlite(dir, PagerDutyDao.IS_PAGED))
                .noneSatisfy(line -> assertThat(line).startsWith("SCAN outbox"))
                .anySatisfy(line -> assertThat(line).contains("outbox_incident (incident_id=? AND type=?)"));
    }
}
