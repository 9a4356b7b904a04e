package dev.mayday.postmortem;

import dev.mayday.db.rotation.AssignmentRow;
import dev.mayday.db.rotation.RosterDao;
import dev.mayday.db.sql.Sql;
import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mayday.postmortem.StoreFixture.ALEX;
import static dev.mayday.postmortem.StoreFixture.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generating, storing and printing drafts over a temp SQLite file. */
class PostmortemsTest {

    private static final String CHANNEL = "C0INC1";

    @TempDir
    Path dir;

    private StoreFixture store;
    private Postmortems postmortems;
    private long incident;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir);
        postmortems = new Postmortems(store.database, ZoneId.of("Europe/Berlin"));
        incident = store.declare("Checkout is down", CHANNEL);
    }

    /** Alex acknowledges at +2 min, monitoring at +20, hands over to Sam, who resolves at +45 and closes at +60. */
    private void runTheIncident() {
        store.clock.advance(Duration.ofMinutes(2));
        store.incidents.addNote(CHANNEL, ALEX, "Looking at the gateway");
        store.clock.advance(Duration.ofMinutes(18));
        store.incidents.changeStatus(CHANNEL, ALEX, Status.MONITORING);
        store.clock.advance(Duration.ofMinutes(5));
        store.incidents.changeLead(CHANNEL, ALEX, SAM);
        store.clock.advance(Duration.ofMinutes(20));
        store.incidents.resolve(CHANNEL, SAM, "Pool limit raised");
        store.clock.advance(Duration.ofMinutes(15));
        store.incidents.close(CHANNEL, SAM);
    }

    @Test
    void generate_fromTheStore_hasDurationsActionsAndLearnings() {
        runTheIncident();
        new ActionItems(store.database).add(incident, "Alert on pool saturation", SAM, ALEX, store.clock.instant());
        new Learnings(store.database).add(incident, "Pool limits are per pod", SAM, store.clock.instant());

        GeneratedPostmortem draft = postmortems.generate(incident, Permalinks.none(), store.clock.instant());

        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.durations()).isEqualTo(new KeyDurations(Optional.of(Duration.ofMinutes(2)),
                Optional.of(Duration.ofMinutes(20)), Optional.of(Duration.ofMinutes(45)),
                Optional.of(Duration.ofMinutes(60))));
        assertThat(draft.markdown()).contains("- [ ] Alert on pool saturation — owner: @U0SAM",
                "- Pool limits are per pod — @U0SAM", "- **Earlier leads:** @U0ALEX (until 2026-03-14 10:25 CET)",
                "| Mitigated (first move to monitoring) | 2026-03-14 10:20 CET |");
        assertThat(draft.durations().summaryLine())
                .isEqualTo("acknowledged in 2 min · mitigated in 20 min · resolved in 45 min · total 1 h 0 min");
    }

    @Test
    void generate_again_storesTheNextVersion_andLatestIsCurrent() {
        runTheIncident();
        Instant first = store.clock.instant();
        GeneratedPostmortem v1 = postmortems.generate(incident, Permalinks.none(), first);
        new ActionItems(store.database).add(incident, "Added after the first draft", null, SAM, first);
        GeneratedPostmortem v2 = postmortems.generate(incident, Permalinks.none(), first.plusSeconds(60));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.markdown()).contains("draft version 2", "Added after the first draft");
        assertThat(postmortems.latest(incident)).hasValueSatisfying(latest -> {
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.markdown()).isEqualTo(v2.markdown());
        });
        assertThat(postmortems.versions(incident)).extracting(StoredPostmortem::version).containsExactly(1, 2);
    }

    @Test
    void generate_concurrently_neverGivesTwoDraftsTheSameVersion() throws Exception {
        runTheIncident();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> generate = () -> postmortems.generate(incident, Permalinks.none(),
                    store.clock.instant()).version();
            List<Future<Integer>> versions = pool.invokeAll(List.of(generate, generate));
            assertThat(List.of(versions.get(0).get(), versions.get(1).get())).containsExactlyInAnyOrder(1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void generate_unknownIncident_isRefused() {
        assertThatThrownBy(() -> postmortems.generate(404, Permalinks.none(), Instant.EPOCH))
                .isInstanceOf(IncidentRuleViolation.class).hasMessage("There is no incident #404.");
        assertThat(postmortems.latest(404)).isEmpty();
    }

    @Test
    void generate_afterHandOff_takesTheFirstLeadFromTheDutyLedger() {
        store.database.jdbi().useHandle(h -> new RosterDao(Sql.on(h)).insertAssignment(
                new AssignmentRow(0, incident, "U0ROTA", "LEAD", true, StoreFixture.START.toEpochMilli(), null, "picked")));
        runTheIncident();

        String markdown = postmortems.generate(incident, Permalinks.none(), store.clock.instant()).markdown();

        assertThat(markdown).contains("- **Earlier leads:** @U0ROTA (until");
    }

    @Test
    void printer_printsTheLatestDraft_orSaysWhyNot() {
        PostmortemPrinter printer = new PostmortemPrinter(postmortems, store.directory);

        assertThat(printer.print("abc")).isEqualTo(new PostmortemPrinter.Printout(false, "Not an incident id: \"abc\". "
                + "Usage: postmortem <incident-id>, e.g. postmortem 12 (the number shown on the incident card)."));
        assertThat(printer.print("77")).isEqualTo(
                new PostmortemPrinter.Printout(false, "There is no incident #77 in this store."));
        assertThat(printer.print(incident).found()).isFalse();
        assertThat(printer.print(incident).text()).startsWith("Incident #" + incident + " has no post-mortem draft yet.");

        runTheIncident();
        postmortems.generate(incident, Permalinks.none(), store.clock.instant());
        GeneratedPostmortem latest = postmortems.generate(incident, Permalinks.none(), store.clock.instant());

        assertThat(printer.print("#" + incident)).isEqualTo(new PostmortemPrinter.Printout(true, latest.markdown()));
    }
}
