package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.support.TestClock;
import dev.mayday.timeline.TimelineEntry;
import dev.mayday.timeline.TimelineKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentServiceTest {

    private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");
    private static final String ALEX = "U0ALEX";
    private static final String SAM = "U0SAM";
    private static final String GENERAL = "C0GENERAL";

    @TempDir
    Path dir;

    private Database database;
    private TestClock clock;
    private RecordingNotifier notifier;
    private IncidentService service;
    private IncidentDirectory directory;

    @BeforeEach
    void openStore() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        clock = new TestClock(START);
        notifier = new RecordingNotifier();
        service = new IncidentService(database, clock, notifier);
        directory = new IncidentDirectory(database);
    }

    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ---- declaring ----

    @Test
    void declare_storesInvestigatingIncidentLedByDeclarerAtClockTime() {
        Declared declared = service.declare(declaration("Checkout is down", "command:T1"));

        assertThat(declared.isNew()).isTrue();
        Incident stored = directory.byId(declared.incident().id()).orElseThrow();
        assertThat(stored).isEqualTo(declared.incident());
        assertThat(stored.title()).isEqualTo("Checkout is down");
        assertThat(stored.severity()).isEqualTo(Severity.SEV2);
        assertThat(stored.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(stored.people().declaredBy()).isEqualTo(ALEX);
        assertThat(stored.lead()).isEqualTo(ALEX);
        assertThat(stored.times().declaredAt()).isEqualTo(START);
        assertThat(stored.place().originChannel()).isEqualTo(GENERAL);
        assertThat(stored.times().acknowledgedAt()).isNull();
        assertThat(stored.times().resolvedAt()).isNull();
        assertThat(stored.times().closedAt()).isNull();
        assertThat(stored.channel()).isEmpty();
    }

    @Test
    void declare_recordsOneDeclaredTimelineEntry() {
        Incident incident = service.declare(declaration("Checkout is down", "command:T1")).incident();

        assertThat(directory.timeline(incident.id())).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.DECLARED);
            assertThat(entry.actor()).isEqualTo(ALEX);
            assertThat(entry.occurredAt()).isEqualTo(START);
            assertThat(entry.text()).contains("SEV2").contains("Checkout is down");
        });
    }

    @Test
    void declare_tellsTheNotifierOnce() {
        Incident incident = service.declare(declaration("Checkout is down", "command:T1")).incident();

        assertThat(notifier.declared).containsExactly(incident);
        assertThat(notifier.changed).isEmpty();
    }

    @Test
    void declare_sameOriginKeyAgain_returnsTheEarlierIncidentAndStoresNothingNew() {
        Incident first = service.declare(declaration("Checkout is down", "command:T1")).incident();
        clock.advance(Duration.ofSeconds(3));

        Declared again = service.declare(declaration("Checkout is down", "command:T1"));

        assertThat(again.isNew()).isFalse();
        assertThat(again.incident()).isEqualTo(first);
        assertThat(allIncidents()).hasSize(1);
        assertThat(directory.timeline(first.id())).hasSize(1);
        assertThat(notifier.declared).hasSize(1);
    }

    @Test
    void declare_differentOriginKeys_storeTwoIncidents() {
        Incident first = service.declare(declaration("Checkout is down", "command:T1")).incident();
        Incident second = service.declare(declaration("Checkout is down", "command:T2")).incident();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(allIncidents()).hasSize(2);
        assertThat(notifier.declared).containsExactly(first, second);
    }

    @Test
    void declare_blankTitle_isRefusedAndStoresNothing() {
        assertThatThrownBy(() -> service.declare(declaration("   ", "command:T1")))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("title");

        assertThat(allIncidents()).isEmpty();
        assertThat(notifier.declared).isEmpty();
    }

    @Test
    void declare_titleLongerThan150_isRefusedAndStoresNothing() {
        assertThatThrownBy(() -> service.declare(declaration("x".repeat(151), "command:T1")))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("151").hasMessageContaining("150");

        assertThat(allIncidents()).isEmpty();
        assertThat(notifier.declared).isEmpty();
    }

    @Test
    void declare_titleOfExactly150_isAccepted() {
        Incident incident = service.declare(declaration("x".repeat(150), "command:T1")).incident();

        assertThat(directory.byId(incident.id()).orElseThrow().title()).hasSize(150);
    }

    // ---- changes ----

    @Test
    void changeSeverity_storesItRecordsItAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(1));

        IncidentChange change = service.changeSeverity(channel, ALEX, Severity.SEV1);

        assertThat(stored(channel).severity()).isEqualTo(Severity.SEV1);
        assertLastEntry(channel, TimelineKind.SEVERITY_CHANGED, ALEX, "SEV2 → SEV1");
        assertNotified(change, channel);
        assertThat(change.before().severity()).isEqualTo(Severity.SEV2);
        assertThat(change.after().severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void changeStatus_storesItRecordsItAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(1));

        IncidentChange change = service.changeStatus(channel, SAM, Status.IDENTIFIED);

        assertThat(stored(channel).status()).isEqualTo(Status.IDENTIFIED);
        assertLastEntry(channel, TimelineKind.STATUS_CHANGED, SAM, "Investigating → Identified");
        assertNotified(change, channel);
        assertThat(change.before().status()).isEqualTo(Status.INVESTIGATING);
        assertThat(change.after().status()).isEqualTo(Status.IDENTIFIED);
    }

    @Test
    void changeLead_storesItRecordsItAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(1));

        IncidentChange change = service.changeLead(channel, ALEX, SAM);

        assertThat(stored(channel).lead()).isEqualTo(SAM);
        assertThat(stored(channel).people().declaredBy()).isEqualTo(ALEX);
        assertLastEntry(channel, TimelineKind.LEAD_CHANGED, ALEX, SAM);
        assertNotified(change, channel);
        assertThat(change.before().lead()).isEqualTo(ALEX);
        assertThat(change.after().lead()).isEqualTo(SAM);
    }

    @Test
    void postUpdate_recordsTrimmedTextAndNotifiesWithoutChangingState() {
        String channel = declareWithChannel();
        Incident before = stored(channel);
        clock.advance(Duration.ofMinutes(1));

        IncidentChange change = service.postUpdate(channel, SAM, "  Rolled back the deploy  ");

        assertThat(stored(channel)).isEqualTo(before);
        assertLastEntry(channel, TimelineKind.UPDATE_POSTED, SAM, "Rolled back the deploy");
        assertNotified(change, channel);
        assertThat(change.before()).isEqualTo(before);
        assertThat(change.after()).isEqualTo(before);
    }

    @Test
    void addNote_recordsTextAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(1));

        IncidentChange change = service.addNote(channel, SAM, "Error rate peaked at 40%");

        assertLastEntry(channel, TimelineKind.NOTE_ADDED, SAM, "Error rate peaked at 40%");
        assertNotified(change, channel);
        assertThat(change.after().status()).isEqualTo(Status.INVESTIGATING);
    }

    @Test
    void resolve_storesResolvedTimeAndSummaryRecordsItAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(30));

        IncidentChange change = service.resolve(channel, SAM, "  Bad config rolled back ");

        Incident stored = stored(channel);
        assertThat(stored.status()).isEqualTo(Status.RESOLVED);
        assertThat(stored.times().resolvedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(stored.resolution()).isEqualTo("Bad config rolled back");
        assertThat(stored.times().closedAt()).isNull();
        assertLastEntry(channel, TimelineKind.RESOLVED, SAM, "Bad config rolled back");
        assertNotified(change, channel);
        assertThat(change.before().status()).isEqualTo(Status.INVESTIGATING);
        assertThat(change.after().status()).isEqualTo(Status.RESOLVED);
    }

    @Test
    void resolve_withoutSummary_storesNoResolutionAndRecordsResolved() {
        String channel = declareWithChannel();

        service.resolve(channel, SAM, "  ");

        assertThat(stored(channel).resolution()).isNull();
        assertLastEntry(channel, TimelineKind.RESOLVED, SAM, "Resolved");
    }

    @Test
    void close_afterResolve_storesClosedTimeRecordsItAndNotifies() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(30));
        service.resolve(channel, ALEX, "Fixed");
        clock.advance(Duration.ofHours(2));

        IncidentChange change = service.close(channel, SAM);

        Incident stored = stored(channel);
        assertThat(stored.status()).isEqualTo(Status.CLOSED);
        assertThat(stored.times().closedAt()).isEqualTo(START.plus(Duration.ofMinutes(150)));
        assertThat(stored.times().resolvedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(stored.resolution()).isEqualTo("Fixed");
        assertLastEntry(channel, TimelineKind.CLOSED, SAM, "Closed");
        assertNotified(change, channel);
        assertThat(change.before().status()).isEqualTo(Status.RESOLVED);
        assertThat(change.after().status()).isEqualTo(Status.CLOSED);
    }

    // ---- acknowledgement ----

    @Test
    void acknowledgedAt_isSetAtTheLeadsFirstActionAndNeverMovesAfter() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(5));

        service.postUpdate(channel, ALEX, "Looking into it");
        Instant acknowledged = START.plus(Duration.ofMinutes(5));
        assertThat(stored(channel).times().acknowledgedAt()).isEqualTo(acknowledged);

        clock.advance(Duration.ofMinutes(5));
        service.changeSeverity(channel, ALEX, Severity.SEV1);
        clock.advance(Duration.ofMinutes(5));
        service.resolve(channel, ALEX, "Fixed");

        assertThat(stored(channel).times().acknowledgedAt()).isEqualTo(acknowledged);
    }

    @Test
    void acknowledgedAt_isNotSetBySomeoneElsesAction() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(5));

        IncidentChange change = service.addNote(channel, SAM, "I see errors too");

        assertThat(stored(channel).times().acknowledgedAt()).isNull();
        assertThat(change.after().times().acknowledgedAt()).isNull();

        clock.advance(Duration.ofMinutes(5));
        service.addNote(channel, ALEX, "On it");

        assertThat(stored(channel).times().acknowledgedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void acknowledgedAt_isReportedToTheNotifierInTheAfterState() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(2));

        IncidentChange change = service.changeStatus(channel, ALEX, Status.IDENTIFIED);

        assertThat(change.before().times().acknowledgedAt()).isNull();
        assertThat(change.after().times().acknowledgedAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(change.after()).isEqualTo(stored(channel));
    }

    @Test
    void acknowledgedAt_afterHandOver_isSetByTheNewLeadNotTheOldOne() {
        String channel = declareWithChannel();
        service.changeLead(channel, SAM, SAM); // someone else takes the lead before Alex acted
        assertThat(stored(channel).times().acknowledgedAt()).isNull();

        clock.advance(Duration.ofMinutes(1));
        service.addNote(channel, ALEX, "Handing over was right");
        assertThat(stored(channel).times().acknowledgedAt()).isNull();

        clock.advance(Duration.ofMinutes(1));
        service.addNote(channel, SAM, "Taking it from here");
        assertThat(stored(channel).times().acknowledgedAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    // ---- refusals ----

    @Test
    void close_beforeResolve_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();

        assertRefused(channel, () -> service.close(channel, ALEX), "Resolve the incident first");
    }

    @Test
    void resolve_twice_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();
        service.resolve(channel, ALEX, "Fixed");

        assertRefused(channel, () -> service.resolve(channel, ALEX, "Fixed again"), "already resolved");
    }

    @Test
    void changeSeverity_toTheSameSeverity_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();

        assertRefused(channel, () -> service.changeSeverity(channel, ALEX, Severity.SEV2), "already SEV2");
    }

    @Test
    void changeStatus_toTheSameStatus_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();

        assertRefused(channel, () -> service.changeStatus(channel, ALEX, Status.INVESTIGATING), "already investigating");
    }

    @Test
    void changeLead_toTheCurrentLead_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();

        assertRefused(channel, () -> service.changeLead(channel, ALEX, ALEX), "already leading");
    }

    @Test
    void postUpdate_withBlankText_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();

        assertRefused(channel, () -> service.postUpdate(channel, ALEX, "  "), "update is empty");
    }

    @Test
    void anyChange_toAClosedIncident_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();
        service.resolve(channel, ALEX, "Fixed");
        service.close(channel, ALEX);
        clock.advance(Duration.ofHours(1));

        Map<String, ThrowingCallable> changes = Map.of(
                "changeSeverity", () -> service.changeSeverity(channel, ALEX, Severity.SEV1),
                "changeStatus", () -> service.changeStatus(channel, ALEX, Status.INVESTIGATING),
                "changeLead", () -> service.changeLead(channel, ALEX, SAM),
                "postUpdate", () -> service.postUpdate(channel, ALEX, "More news"),
                "addNote", () -> service.addNote(channel, ALEX, "A note"),
                "resolve", () -> service.resolve(channel, ALEX, "Fixed"),
                "close", () -> service.close(channel, ALEX));
        changes.forEach((name, change) -> assertRefused(channel, change, "closed"));
    }

    @Test
    void aCommandOutsideAnIncidentChannel_isRefusedAndChangesNothing() {
        String channel = declareWithChannel();
        List<ThrowingCallable> changes = List.of(
                () -> service.changeSeverity(GENERAL, ALEX, Severity.SEV1),
                () -> service.changeStatus(GENERAL, ALEX, Status.IDENTIFIED),
                () -> service.changeLead(GENERAL, ALEX, SAM),
                () -> service.postUpdate(GENERAL, ALEX, "News"),
                () -> service.addNote(GENERAL, ALEX, "A note"),
                () -> service.resolve(GENERAL, ALEX, "Fixed"),
                () -> service.close(GENERAL, ALEX),
                () -> service.addToTimeline(GENERAL, ALEX, "1710406800.000100", "Look at this"));

        changes.forEach(change -> assertRefused(channel, change, "not an incident channel"));
    }

    @Test
    void aCommandForAnIncidentWhoseChannelIsNotAttachedYet_isRefused() {
        Incident incident = service.declare(declaration("Checkout is down", "command:T1")).incident();

        assertThatThrownBy(() -> service.postUpdate(GENERAL, ALEX, "News"))
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("not an incident channel");
        assertThat(directory.timeline(incident.id())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.DECLARED);
        assertThat(notifier.changed).isEmpty();
    }

    @Test
    void changeStatus_toResolvedOrClosed_isRefusedSoTheirTimesAreNeverSkipped() {
        String channel = declareWithChannel();
        assertRefused(channel, () -> service.changeStatus(channel, ALEX, Status.RESOLVED), "Use resolve or close");
        service.resolve(channel, ALEX, null);
        assertThatThrownBy(() -> service.changeStatus(channel, ALEX, Status.CLOSED))
                .isInstanceOf(IncidentRuleViolation.class).hasMessageContaining("Use resolve or close");
        assertThat(stored(channel).status()).isEqualTo(Status.RESOLVED);
    }

    // ---- reopening ----

    @Test
    void reopening_clearsResolvedAtAndResolvingAgainSetsTheNewTime() {
        String channel = declareWithChannel();
        clock.advance(Duration.ofMinutes(10));
        service.resolve(channel, ALEX, "Looked fixed");
        assertThat(stored(channel).times().resolvedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(10));
        service.changeStatus(channel, SAM, Status.INVESTIGATING);

        assertThat(stored(channel).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(stored(channel).times().resolvedAt()).isNull();
        assertLastEntry(channel, TimelineKind.STATUS_CHANGED, SAM, "Resolved → Investigating");

        clock.advance(Duration.ofMinutes(10));
        service.resolve(channel, ALEX, "Really fixed");

        assertThat(stored(channel).status()).isEqualTo(Status.RESOLVED);
        assertThat(stored(channel).times().resolvedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(stored(channel).resolution()).isEqualTo("Really fixed");
    }

    // ---- pinning ----

    @Test
    void addToTimeline_sameMessageTwice_storesOnePinnedEntry() {
        String channel = declareWithChannel();
        long id = stored(channel).id();
        clock.advance(Duration.ofMinutes(3));

        boolean first = service.addToTimeline(channel, SAM, "1710406800.000100", "Deploy 42 went out");
        boolean second = service.addToTimeline(channel, ALEX, "1710406800.000100", "Deploy 42 went out");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        List<TimelineEntry> pinned = directory.timeline(id).stream()
                .filter(e -> e.kind() == TimelineKind.PINNED).toList();
        assertThat(pinned).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(SAM);
            assertThat(entry.text()).isEqualTo("Deploy 42 went out");
            assertThat(entry.slackTs()).isEqualTo("1710406800.000100");
            assertThat(entry.occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        });
    }

    @Test
    void addToTimeline_differentMessages_areBothStored() {
        String channel = declareWithChannel();
        long id = stored(channel).id();

        assertThat(service.addToTimeline(channel, SAM, "1710406800.000100", "one")).isTrue();
        assertThat(service.addToTimeline(channel, SAM, "1710406800.000200", "two")).isTrue();

        assertThat(directory.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.PINNED)
                .extracting(TimelineEntry::text).containsExactly("one", "two");
    }

    // ---- concurrency ----

    @Test
    void resolve_byEightPeopleAtOnce_succeedsExactlyOnce() throws Exception {
        String channel = declareWithChannel();
        long id = stored(channel).id();
        int threads = 8;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IncidentChange>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String actor = "U0PERSON" + i;
            results.add(pool.submit(() -> {
                ready.countDown();
                if (!go.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("start gate never opened");
                }
                return service.resolve(channel, actor, "Fixed by " + actor);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();

        int succeeded = 0;
        List<Throwable> failures = new ArrayList<>();
        for (Future<IncidentChange> result : results) {
            try {
                result.get(30, TimeUnit.SECONDS);
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }

        assertThat(succeeded).isEqualTo(1);
        assertThat(failures).hasSize(threads - 1).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining("already resolved"));
        assertThat(directory.timeline(id)).filteredOn(e -> e.kind() == TimelineKind.RESOLVED).hasSize(1);
        assertThat(stored(channel).status()).isEqualTo(Status.RESOLVED);
        assertThat(notifier.changed).hasSize(1);
    }

    @Test
    void attachChannel_ownedByAnotherIncident_isRefusedWithoutAConstraintError() {
        String channel = declareWithChannel();
        Incident second = service.declare(declaration("Checkout is down", "command:T2")).incident();

        boolean attached = directory.attachChannel(second.id(), channel, "inc-20260314-checkout-is-down");

        assertThat(attached).isFalse();
        assertThat(directory.byId(second.id()).orElseThrow().channel()).isEmpty();
        assertThat(stored(channel).id()).isNotEqualTo(second.id());
        assertThat(directory.attachChannel(second.id(), "C0OTHER", "inc-20260314-checkout-is-down-2")).isTrue();
    }

    // ---- helpers ----

    private static Declaration declaration(String title, String originKey) {
        return new Declaration(title, null, Severity.SEV2, false, false, ALEX, originKey, GENERAL);
    }

    /** Declares a SEV2 incident led by Alex and attaches its Slack channel, as the provisioner would. */
    private String declareWithChannel() {
        Incident incident = service.declare(declaration("Checkout is down", "command:T1")).incident();
        String channel = "C0INC" + incident.id();
        directory.attachChannel(incident.id(), channel, "inc-20260314-checkout-is-down");
        return channel;
    }

    private Incident stored(String channel) {
        return directory.byChannel(channel).orElseThrow();
    }

    private List<?> allIncidents() {
        return database.inTransaction(store -> store.incidents().all());
    }

    private void assertLastEntry(String channel, TimelineKind kind, String actor, String text) {
        List<TimelineEntry> timeline = directory.timeline(stored(channel).id());
        assertThat(timeline).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(kind);
            assertThat(entry.actor()).isEqualTo(actor);
            assertThat(entry.text()).isEqualTo(text);
            assertThat(entry.occurredAt()).isEqualTo(clock.instant());
        });
    }

    /** The notifier last heard this change, once, and its after-state and entry are what was stored. */
    private void assertNotified(IncidentChange change, String channel) {
        assertThat(notifier.changed).last().isEqualTo(change);
        assertThat(notifier.changed).filteredOn(change::equals).hasSize(1);
        assertThat(change.after()).isEqualTo(stored(channel));
        assertThat(directory.timeline(change.after().id())).last().isEqualTo(change.entry());
    }

    private void assertRefused(String channel, ThrowingCallable change, String messagePart) {
        Incident before = stored(channel);
        List<TimelineEntry> timelineBefore = directory.timeline(before.id());
        int notifiedBefore = notifier.changed.size();

        assertThatThrownBy(change)
                .isInstanceOf(IncidentRuleViolation.class)
                .hasMessageContaining(messagePart);

        assertThat(stored(channel)).isEqualTo(before);
        assertThat(directory.timeline(before.id())).isEqualTo(timelineBefore);
        assertThat(notifier.changed).hasSize(notifiedBefore);
    }

    /** Remembers what it was told; safe to call from several threads. */
    private static final class RecordingNotifier implements IncidentNotifier {

        final List<Incident> declared = new CopyOnWriteArrayList<>();
        final List<IncidentChange> changed = new CopyOnWriteArrayList<>();

        @Override
        public void declared(Incident incident) {
            declared.add(incident);
        }

        @Override
        public void changed(IncidentChange change) {
            changed.add(change);
        }
    }
}
