package dev.mayday.pagerduty;

import dev.mayday.db.Database;
import dev.mayday.incident.Incident;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.MemberKind;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdAnswer;
import dev.mayday.sandbox.pagerduty.PdCall;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdRoute;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import dev.mayday.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging from Slack through PagerDuty's REST API, over real HTTP against the fake PagerDuty. */
class PagingTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(dir -> Sandbox.startWithPaging(dir, null));
        sandbox.slack.addUser("U0DBA", "dana@example.com", "Dana DBA");
        sandbox.pagerDuty.addUser("PUDANA", "Dana in PagerDuty", "dana@example.com");
    }

    private List<String> channelTexts(String channel) {
        return sandbox.slack.messages(channel).stream().map(FakeMessage::text).toList();
    }

    private static java.nio.file.Path newDirectory(java.nio.file.Path dir) {
        try {
            return java.nio.file.Files.createDirectory(dir.resolve("unconfigured"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<Long> linkedTo(Sandbox in, String pagerId) {
        Database.StoreWork<Optional<Long>> read = store -> store.pagerDuty().incidentFor(pagerId);
        return in.app.database().read(read);
    }

    private List<String> pagerIds(long incidentId) {
        Database.StoreWork<List<String>> read = store -> store.pagerDuty().pagerIdsOf(incidentId);
        return sandbox.app.database().read(read);
    }

    private static int isPaged(Sandbox in, long incidentId) {
        Database.StoreWork<Integer> read = store -> store.pagerDuty().isPaged(incidentId);
        return in.app.database().read(read);
    }

    private List<PdIncident> pagesWithKey(String key) {
        return sandbox.pagerDuty.incidents().stream().filter(i -> i.incidentKey().equals(key)).toList();
    }

    @Test
    void page_someone_opensOnePagerDutyIncidentAssignedToTheirUser_linkedAndToldInTheChannel() {
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");
        long id = sandbox.incidentIn(channel).id();

        SlackReply reply = sandbox.command("U0ALEX", channel, "page <@U0DBA|dana> replica 3 is 40 min behind");
        sandbox.settle();

        assertThat(reply.text()).contains("Paging <@U0DBA>");
        List<PdIncident> pages = pagesWithKey("mayday-" + id + "-U0DBA");
        assertThat(pages).hasSize(1);
        PdIncident page = pages.get(0);
        assertThat(page.serviceId()).isEqualTo(FakePagerDuty.DEFAULT_SERVICE_ID);
        assertThat(page.assignees()).extracting(u -> u.id()).containsExactly("PUDANA");
        assertThat(page.title()).contains("Replication lag");
        PdCall create = sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT).get(0);
        assertThat(create.body()).contains("replica 3 is 40 min behind");
        assertThat(linkedTo(sandbox, page.id())).contains(id);
        assertThat(channelTexts(channel)).filteredOn(t -> t.startsWith(":pager: Paged"))
                .singleElement().satisfies(t -> assertThat(t).contains("<@U0DBA>").contains(page.htmlUrl()));
    }

    @Test
    void page_whoseDeliveryIsCutShortAfterPagerDutyTookIt_pagesOnce() throws Exception {
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");
        long id = sandbox.incidentIn(channel).id();
        // PagerDuty creates the incident, then the answer is lost (a 500 after it acted)
        sandbox.pagerDuty.enqueue(PdRoute.CREATE_INCIDENT, PdAnswer.actedThenFailed(500));

        sandbox.command("U0ALEX", channel, "page <@U0DBA>");
        sandbox.settle();

        assertThat(pagesWithKey("mayday-" + id + "-U0DBA")).as("one page in PagerDuty").hasSize(1);
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).as("the retry found the page by its key")
                .hasSize(1);
        assertThat(channelTexts(channel)).filteredOn(t -> t.startsWith(":pager: Paged")).hasSize(1);
        assertThat(pagerIds(id)).hasSize(1);
        assertThat(sandbox.get("/metrics").body()).as("counted once").contains("mayday_pages_sent_total 1.0");
    }

    @Test
    void page_theSamePersonTwice_pagesOnce_andSaysSo() {
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");

        sandbox.command("U0ALEX", channel, "page <@U0DBA>");
        SlackReply again = sandbox.command("U0BEA", channel, "page <@U0DBA> still lagging");
        sandbox.settle();

        assertThat(again.text()).contains("was paged for this incident already");
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).hasSize(1);
    }

    @Test
    void page_someoneWithoutAPagerDutyUser_saysSoInTheChannel_withTheEmailLookedUp() {
        sandbox.slack.addUser("U0NEW", "newbie@example.com", "New Person");
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");

        sandbox.command("U0ALEX", channel, "page <@U0NEW>");
        sandbox.settle();

        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).isEmpty();
        assertThat(channelTexts(channel)).anySatisfy(t -> assertThat(t).contains("Could not page <@U0NEW>")
                .contains("newbie@example.com"));
    }

    @Test
    void page_aServiceByName_pagesItsEscalationPolicy() {
        sandbox.pagerDuty.addService("PSVCDB", "Database Platform", "PPOLDB");
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");
        long id = sandbox.incidentIn(channel).id();

        SlackReply reply = sandbox.command("U0ALEX", channel, "page database platform");
        sandbox.settle();

        assertThat(reply.text()).contains("Paging the PagerDuty service");
        List<PdIncident> pages = pagesWithKey("mayday-" + id + "-service-database-platform");
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.serviceId()).isEqualTo("PSVCDB");
            assertThat(p.escalationPolicyId()).isEqualTo("PPOLDB");
            assertThat(p.assignees()).isEmpty();
        });
    }

    @Test
    void page_withoutAnApiToken_answersPrivatelyWhatToSet_andQueuesNothing() {
        Sandbox unconfigured = sandboxes.start(dir -> Sandbox.startWithoutPagerDutyToken(newDirectory(dir)));
        String channel = unconfigured.declare("U0ALEX", "sev3 Replication lag");

        SlackReply reply = unconfigured.command("U0ALEX", channel, "page <@U0DBA>");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Paging is not set up").contains("PAGERDUTY_API_TOKEN")
                .contains("PAGERDUTY_SERVICE_ID");
        assertThat(unconfigured.pagerDuty.calls()).isEmpty();
        assertThat(isPaged(unconfigured, unconfigured.incidentIn(channel).id()))
                .isZero();
    }

    @Test
    void sev1DeclaredInSlack_pagesThePickedLeadAndResponderOnce_butNotTheDeclarer() {
        DutyService duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
        duty.join("U0DBA", MemberKind.ENGINEER);
        duty.join("U0MGR", MemberKind.MANAGER);
        sandbox.slack.addUser("U0MGR", "mo@example.com", "Mo Manager");
        sandbox.pagerDuty.addUser("PUMO", "Mo", "mo@example.com");

        String channel = sandbox.declare("U0ALEX", "sev1 Checkout is down");
        sandbox.settle();
        sandbox.restart();
        sandbox.settle();

        long id = sandbox.incidentIn(channel).id();
        assertThat(pagesWithKey("mayday-" + id + "-U0DBA")).hasSize(1);
        assertThat(pagesWithKey("mayday-" + id + "-U0MGR")).hasSize(1);
        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).hasSize(2);
        assertThat(sandbox.incidents()).hasSize(1);
    }

    @Test
    void sev3Declared_pagesNobody() {
        DutyService duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
        duty.join("U0DBA", MemberKind.ENGINEER);

        sandbox.declare("U0ALEX", "sev3 Slow search");
        sandbox.settle();

        assertThat(sandbox.pagerDuty.calls(PdRoute.CREATE_INCIDENT)).isEmpty();
    }

    @Test
    void webhooksOfAPagedIncident_updateThisIncident_andNeverDeclareANewOne() {
        DutyService duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
        duty.join("U0DBA", MemberKind.ENGINEER);
        String channel = sandbox.declare("U0ALEX", "sev2 Checkout is down");
        sandbox.settle();
        PdIncident page = sandbox.pagerDuty.incidents().get(0);

        sandbox.deliver(sandbox.webhooks.triggered(page));
        sandbox.deliver(sandbox.webhooks.acknowledged(page.withStatus("acknowledged")));
        sandbox.settle();

        assertThat(sandbox.incidents()).hasSize(1);
        Incident incident = sandbox.incidentIn(channel);
        assertThat(incident.times().acknowledgedAt()).isNotNull();
        assertThat(sandbox.timeline(channel)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.PAGERDUTY);
            assertThat(e.text()).startsWith("Acknowledged in PagerDuty");
        });
    }

    @Test
    void aWebhookArrivingBeforeThePageWasRecorded_isLinkedByItsIncidentKey() {
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");
        long id = sandbox.incidentIn(channel).id();
        PdIncident early = sandbox.pagerDuty.putIncident(new PdIncident("PEARLY", 77, "[Mayday #" + id + "]",
                "triggered", "high", null, FakePagerDuty.DEFAULT_SERVICE_ID, FakePagerDuty.DEFAULT_SERVICE_NAME,
                FakePagerDuty.DEFAULT_POLICY_ID, List.of(), "mayday-" + id + "-U0DBA", java.time.Instant.now()));

        sandbox.deliver(sandbox.webhooks.triggered(early));
        sandbox.settle();

        assertThat(sandbox.incidents()).hasSize(1);
        assertThat(linkedTo(sandbox, "PEARLY")).contains(id);
    }

    @Test
    void pdLink_linksAnExistingPagerDutyIncident_whoseEventsThenUpdateThisIncident() {
        PdIncident existing = sandbox.pagerDuty.addIncident("PEXIST1", "Disk full on db-3");
        String channel = sandbox.declare("U0ALEX", "sev3 Database trouble");

        SlackReply reply = sandbox.command("U0ALEX", channel, "pd link " + existing.htmlUrl());
        sandbox.deliver(sandbox.webhooks.resolved(existing.withStatus("resolved")));
        sandbox.settle();

        assertThat(reply.text()).contains("Linked PagerDuty incident PEXIST1");
        assertThat(sandbox.incidents()).hasSize(1);
        assertThat(sandbox.incidentIn(channel).status()).isEqualTo(dev.mayday.incident.Status.RESOLVED);
    }

    @Test
    void pdLink_ofAnIncidentLinkedElsewhere_isRefusedPrivately() {
        PdIncident existing = sandbox.pagerDuty.addIncident("PEXIST2", "Disk full on db-3");
        String first = sandbox.declare("U0ALEX", "sev3 Database trouble");
        String second = sandbox.declare("U0ALEX", "sev3 Other trouble");
        sandbox.command("U0ALEX", first, "pd link PEXIST2");

        SlackReply reply = sandbox.command("U0ALEX", second, "pd link " + existing.id());
        SlackReply nonsense = sandbox.command("U0ALEX", second, "pd link <!channel> hello");

        assertThat(reply.text()).contains("linked to another incident");
        assertThat(nonsense.text()).contains("Give the PagerDuty incident's id").doesNotContain("<!channel>");
        assertThat(linkedTo(sandbox, "PEXIST2"))
                .contains(sandbox.incidentIn(first).id());
    }

    @Test
    void leadsFirstAction_acknowledgesThePage_severityChangeSetsItsPriority_handOffReassignsIt() {
        DutyService duty = new DutyService(sandbox.app.database(), sandbox.clock, ZoneId.of("Europe/Berlin"));
        duty.join("U0DBA", MemberKind.ENGINEER);
        sandbox.slack.addUser("U0BEA", "bea@example.com", "Bea");
        sandbox.pagerDuty.addUser("PUBEA", "Bea in PagerDuty", "bea@example.com");
        String channel = sandbox.declare("U0ALEX", "sev2 Checkout is down");
        sandbox.settle();
        String pageId = sandbox.pagerDuty.incidents().get(0).id();

        sandbox.command("U0DBA", channel, "update Looking at the load balancer");
        sandbox.command("U0DBA", channel, "sev 1");
        sandbox.command("U0DBA", channel, "lead <@U0BEA>");
        sandbox.settle();

        PdIncident page = sandbox.pagerDuty.incident(pageId).orElseThrow();
        assertThat(page.status()).isEqualTo("acknowledged");
        assertThat(page.priority()).isEqualTo("P1");
        assertThat(page.assignees()).extracting(u -> u.id()).containsExactly("PUBEA");
    }

    @Test
    void declarersOwnActions_onAnIncidentPagerDutyDoesNotKnow_sendNothingToPagerDuty() {
        String channel = sandbox.declare("U0ALEX", "sev3 Replication lag");

        sandbox.command("U0ALEX", channel, "sev 2");
        sandbox.command("U0ALEX", channel, "resolve");
        sandbox.settle();

        assertThat(sandbox.pagerDuty.calls()).isEmpty();
    }
}
