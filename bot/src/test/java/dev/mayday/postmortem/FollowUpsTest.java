package dev.mayday.postmortem;

import dev.mayday.incident.IncidentRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.mayday.postmortem.StoreFixture.ALEX;
import static dev.mayday.postmortem.StoreFixture.SAM;
import static dev.mayday.postmortem.StoreFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Action items and learnings over a temp SQLite file. */
class FollowUpsTest {

    @TempDir
    Path dir;

    private StoreFixture store;
    private ActionItems actions;
    private Learnings learnings;
    private long incident;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir);
        actions = new ActionItems(store.database);
        learnings = new Learnings(store.database);
        incident = store.declare("Checkout is down", "C0INC1");
    }

    @Test
    void add_storesAnOpenItemWithOwner() {
        ActionItem item = actions.add(incident, "  Add a canary step  ", SAM, ALEX, START);

        assertThat(item).isEqualTo(new ActionItem(item.id(), incident, "Add a canary step", SAM, ActionItemState.OPEN,
                ALEX, START, null, null));
        assertThat(actions.list(incident)).containsExactly(item);
    }

    @Test
    void add_withoutOwner_isOwnedByNobody() {
        assertThat(actions.add(incident, "Write the runbook", " ", ALEX, START).ownerId()).isEmpty();
    }

    @Test
    void add_blankText_isRefusedWithAnExample() {
        assertThatThrownBy(() -> actions.add(incident, "   ", null, ALEX, START))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessage("The action item is empty: add some text, e.g. "
                        + "`/incident action Add a canary step to the checkout deploy @owner`.");
        assertThat(actions.list(incident)).isEmpty();
    }

    @Test
    void add_over500Characters_isRefusedSayingHowLong() {
        assertThat(actions.add(incident, "x".repeat(500), null, ALEX, START).text()).hasSize(500);
        assertThatThrownBy(() -> actions.add(incident, "x".repeat(501), null, ALEX, START))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessage("That action item is 501 characters; please keep it to 500 or fewer "
                        + "(put the details in a ticket and link it).");
    }

    @Test
    void add_toUnknownIncident_isRefused() {
        assertThatThrownBy(() -> actions.add(999, "x", null, ALEX, START))
                .isInstanceOf(IncidentRuleViolation.class).hasMessage("There is no incident #999.");
    }

    @Test
    void markDone_twice_staysDoneWithTheFirstTimeAndPerson() {
        ActionItem item = actions.add(incident, "Add a canary step", SAM, ALEX, START);

        MarkedDone first = actions.markDone(incident, item.id(), SAM, START.plusSeconds(60));
        MarkedDone second = actions.markDone(incident, item.id(), ALEX, START.plusSeconds(120));

        assertThat(first.newlyDone()).isTrue();
        assertThat(second.newlyDone()).isFalse();
        assertThat(second.item()).isEqualTo(first.item());
        assertThat(second.item().state()).isEqualTo(ActionItemState.DONE);
        assertThat(second.item().doneAt()).isEqualTo(START.plusSeconds(60));
        assertThat(second.item().doneBy()).isEqualTo(SAM);
    }

    @Test
    void markDone_unknownItem_isRefused() {
        assertThatThrownBy(() -> actions.markDone(incident, 42, SAM, START))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageStartingWith("Incident #" + incident + " has no action item #42");
    }

    @Test
    void markDone_anotherIncidentsItem_isRefusedAsIfMissing_andStaysOpen() {
        long other = store.declare("Search is stale", "C0INC2");
        ActionItem theirs = actions.add(other, "Reindex nightly", SAM, ALEX, START);

        assertThatThrownBy(() -> actions.markDone(incident, theirs.id(), SAM, START.plusSeconds(60)))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageStartingWith("Incident #" + incident + " has no action item #" + theirs.id());
        assertThat(actions.byId(theirs.id()).orElseThrow().state()).isEqualTo(ActionItemState.OPEN);
    }

    @Test
    void digestQueries_openWithAge_andWindows() {
        long other = store.declare("Search is stale", "C0INC2");
        ActionItem old = actions.add(incident, "old", null, ALEX, START);
        ActionItem done = actions.add(other, "done", null, ALEX, START.plus(Duration.ofDays(1)));
        ActionItem recent = actions.add(other, "recent", null, ALEX, START.plus(Duration.ofDays(8)));
        actions.markDone(other, done.id(), SAM, START.plus(Duration.ofDays(9)));
        Instant now = START.plus(Duration.ofDays(10));

        assertThat(actions.openAcrossIncidents(now)).containsExactly(
                new OpenActionItem(old, Duration.ofDays(10)), new OpenActionItem(recent, Duration.ofDays(2)));
        Instant weekStart = START.plus(Duration.ofDays(7));
        assertThat(actions.openedBetween(weekStart, now)).containsExactly(recent);
        assertThat(actions.doneBetween(weekStart, now)).extracting(ActionItem::id).containsExactly(done.id());
    }

    @Test
    void learnings_areListedInOrder_andValidated() {
        Learning first = learnings.add(incident, "Pool limits are per pod", ALEX, START);
        Learning second = learnings.add(incident, "Retries need jitter", SAM, START.plusSeconds(5));

        assertThat(learnings.list(incident)).containsExactly(first, second);
        assertThat(first.author()).isEqualTo(ALEX);
        assertThatThrownBy(() -> learnings.add(incident, "", ALEX, START))
                .isInstanceOf(IncidentRuleViolation.class).hasMessageContaining("`/incident learned ");
        assertThatThrownBy(() -> learnings.add(incident, "y".repeat(1001), ALEX, START))
                .hasMessageContaining("1001 characters");
    }

    @Test
    void learnings_ofIncidentsClosedInAWindow() {
        long closed = store.declare("Search is stale", "C0INC2");
        learnings.add(incident, "still open", ALEX, START);
        Learning wanted = learnings.add(closed, "Disk alerts were muted", SAM, START);
        store.clock.advance(Duration.ofHours(2));
        store.incidents.resolve("C0INC2", ALEX, "fixed");
        store.incidents.close("C0INC2", ALEX);

        assertThat(learnings.ofIncidentsClosedBetween(START, START.plus(Duration.ofDays(1)))).containsExactly(wanted);
        assertThat(learnings.ofIncidentsClosedBetween(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2))))
                .isEmpty();
    }
}
