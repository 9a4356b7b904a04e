package dev.mayday.pagerduty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payloads follow the shapes of PagerDuty's v3 webhook documentation (values are our own). */
class WebhookParserTest {

    private final WebhookParser parser = new WebhookParser();

    private static String incidentData(String status, String priority, String assignees) {
        return """
                {"id":"Q1ABCDE","type":"incident","self":"https://api.pagerduty.com/incidents/Q1ABCDE",
                 "html_url":"https://acme.pagerduty.com/incidents/Q1ABCDE","number":42,"status":"%s",
                 "incident_key":"0f1e2d3c","created_at":"2024-05-01T09:58:00Z","title":"Checkout latency above 2 s",
                 "service":{"html_url":"https://acme.pagerduty.com/services/PSVC1","id":"PSVC1",
                            "self":"https://api.pagerduty.com/services/PSVC1","summary":"Checkout API","type":"service_reference"},
                 "assignees":[%s],
                 "escalation_policy":{"id":"PEP1","summary":"Payments on-call","type":"escalation_policy_reference"},
                 "teams":[{"id":"PTEAM1","summary":"Payments","type":"team_reference"}],
                 "priority":%s,"urgency":"high",
                 "conference_bridge":{"conference_number":"","conference_url":""},"resolve_reason":null}"""
                .formatted(status, assignees, priority);
    }

    private static String envelope(String type, String resourceType, String data) {
        return """
                {"event":{"id":"01EVT%s","event_type":"%s","resource_type":"%s","occurred_at":"2024-05-01T10:00:01.250Z",
                 "agent":{"html_url":"https://acme.pagerduty.com/users/PUSER1","id":"PUSER1","self":"https://api.pagerduty.com/users/PUSER1",
                          "summary":"Robin Ops","type":"user_reference"},
                 "client":{"name":"PagerDuty"},"data":%s}}"""
                .formatted(Math.abs(type.hashCode()), type, resourceType, data);
    }

    private static final String ROBIN = """
            {"id":"PUSER1","summary":"Robin Ops","type":"user_reference","self":"https://api.pagerduty.com/users/PUSER1"}""";
    private static final String SAM = """
            {"id":"PUSER2","summary":"Sam Oncall","type":"user_reference"}""";
    private static final String P1 = """
            {"id":"PPRIO1","summary":"P1","type":"priority_reference"}""";

    @Test
    void triggered_readsEnvelopeAndIncident() {
        WebhookEvent event = parser.parse(envelope("incident.triggered", "incident", incidentData("triggered", "null", ROBIN)));

        assertThat(event.id()).isEqualTo("01EVT" + Math.abs("incident.triggered".hashCode()));
        assertThat(event.kind()).isEqualTo(WebhookEventType.TRIGGERED);
        assertThat(event.resourceType()).isEqualTo("incident");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-05-01T10:00:01.250Z"));
        assertThat(event.agent()).contains(new PagerDutyRef("PUSER1", "Robin Ops", "user_reference"));
        assertThat(event.client()).contains("PagerDuty");
        assertThat(event.incidentId()).contains("Q1ABCDE");
        PagerDutyIncident incident = event.incident().orElseThrow();
        assertThat(incident.number()).isEqualTo(42);
        assertThat(incident.status()).isEqualTo(PagerDutyStatus.TRIGGERED);
        assertThat(incident.title()).isEqualTo("Checkout latency above 2 s");
        assertThat(incident.htmlUrl()).isEqualTo("https://acme.pagerduty.com/incidents/Q1ABCDE");
        assertThat(incident.incidentKey()).isEqualTo("0f1e2d3c");
        assertThat(incident.createdAt()).contains(Instant.parse("2024-05-01T09:58:00Z"));
        assertThat(incident.service()).contains(new PagerDutyRef("PSVC1", "Checkout API", "service_reference"));
        assertThat(incident.assignees()).extracting(PagerDutyRef::id).containsExactly("PUSER1");
        assertThat(incident.escalationPolicyId()).contains("PEP1");
        assertThat(incident.priority()).isEmpty();
        assertThat(incident.urgency()).isEqualTo("high");
    }

    @Test
    void acknowledgedAndResolved_carryTheNewStatus() {
        assertThat(parser.parse(envelope("incident.acknowledged", "incident", incidentData("acknowledged", "null", ROBIN)))
                .incident().orElseThrow().status()).isEqualTo(PagerDutyStatus.ACKNOWLEDGED);
        WebhookEvent resolved = parser.parse(envelope("incident.resolved", "incident", incidentData("resolved", "null", "")));
        assertThat(resolved.kind()).isEqualTo(WebhookEventType.RESOLVED);
        assertThat(resolved.incident().orElseThrow().status()).isEqualTo(PagerDutyStatus.RESOLVED);
        assertThat(resolved.incident().orElseThrow().assignees()).isEmpty();
    }

    @Test
    void reassignedAndEscalated_carryTheNewAssignees() {
        WebhookEvent reassigned = parser.parse(envelope("incident.reassigned", "incident",
                incidentData("triggered", "null", ROBIN + "," + SAM)));
        WebhookEvent escalated = parser.parse(envelope("incident.escalated", "incident", incidentData("triggered", "null", SAM)));

        assertThat(reassigned.kind()).isEqualTo(WebhookEventType.REASSIGNED);
        assertThat(reassigned.incident().orElseThrow().assignees())
                .containsExactly(new PagerDutyRef("PUSER1", "Robin Ops", "user_reference"),
                        new PagerDutyRef("PUSER2", "Sam Oncall", "user_reference"));
        assertThat(escalated.kind()).isEqualTo(WebhookEventType.ESCALATED);
        assertThat(escalated.incident().orElseThrow().assignees()).extracting(PagerDutyRef::summary).containsExactly("Sam Oncall");
    }

    @Test
    void priorityUpdated_carriesThePriorityName() {
        WebhookEvent event = parser.parse(envelope("incident.priority_updated", "incident", incidentData("acknowledged", P1, ROBIN)));

        assertThat(event.kind()).isEqualTo(WebhookEventType.PRIORITY_UPDATED);
        assertThat(event.incident().orElseThrow().priority()).contains("P1");
    }

    @Test
    void annotated_carriesTheNoteAndItsIncident() {
        String note = """
                {"incident":{"html_url":"https://acme.pagerduty.com/incidents/Q1ABCDE","id":"Q1ABCDE",
                             "self":"https://api.pagerduty.com/incidents/Q1ABCDE","summary":"Checkout latency","type":"incident_reference"},
                 "id":"PNOTE7","content":"Rolled back 4.2.1 — \\"latency\\" back to normal","trimmed":false,"type":"incident_note"}""";

        WebhookEvent event = parser.parse(envelope("incident.annotated", "incident", note));

        assertThat(event.kind()).isEqualTo(WebhookEventType.ANNOTATED);
        assertThat(event.incidentId()).contains("Q1ABCDE");
        assertThat(event.incident()).isEmpty();
        assertThat(event.data()).isEqualTo(new WebhookData.Note("PNOTE7", "Q1ABCDE",
                "Rolled back 4.2.1 — \"latency\" back to normal", false));
    }

    @Test
    void responderAdded_carriesTheResponder() {
        String responder = """
                {"incident":{"id":"Q1ABCDE","type":"incident_reference"},
                 "user":{"id":"PUSER2","summary":"Sam Oncall","type":"user_reference"},
                 "escalation_policy":{"id":"PEP1","type":"escalation_policy_reference"},
                 "message":"Please help with checkout","state":"pending","type":"incident_responder"}""";

        WebhookEvent event = parser.parse(envelope("incident.responder.added", "incident", responder));

        assertThat(event.kind()).isEqualTo(WebhookEventType.RESPONDER_ADDED);
        assertThat(event.data()).isEqualTo(new WebhookData.Responder("Q1ABCDE",
                Optional.of(new PagerDutyRef("PUSER2", "Sam Oncall", "user_reference")), "Please help with checkout", "pending"));
    }

    @Test
    void ping_isRecognisedAndCarriesNoIncident() {
        WebhookEvent event = parser.parse("""
                {"event":{"id":"01PING","event_type":"pagey.ping","resource_type":"pagey","occurred_at":"2024-05-01T10:00:00Z",
                 "agent":{"id":"PUSER1","type":"user_reference"},"client":null,
                 "data":{"message":"Hello from your friend Pagey!","type":"ping"}}}""");

        assertThat(event.kind()).isEqualTo(WebhookEventType.PING);
        assertThat(event.data()).isEqualTo(new WebhookData.Ping("Hello from your friend Pagey!"));
        assertThat(event.client()).isEmpty();
        assertThat(event.incidentId()).isEmpty();
    }

    @Test
    void unknownEventTypes_parseAsOther() {
        WebhookEvent service = parser.parse("""
                {"event":{"id":"01SVC","event_type":"service.updated","resource_type":"service","occurred_at":"2024-05-01T10:00:00Z",
                 "agent":null,"client":null,"data":{"id":"PSVC1","summary":"Checkout API","type":"service"}}}""");
        WebhookEvent future = parser.parse("""
                {"event":{"id":"01NEW","event_type":"incident.workflow.completed","resource_type":"incident",
                 "occurred_at":"2024-05-01T10:00:00+02:00","data":{"type":"incident_workflow_instance","weird":[1,2]}}}""");
        WebhookEvent noData = parser.parse("""
                {"event":{"id":"01X","event_type":"something.else","occurred_at":"2024-05-01T10:00:00Z"}}""");

        assertThat(service.kind()).isEqualTo(WebhookEventType.OTHER);
        assertThat(service.data()).isEqualTo(new WebhookData.Other("service"));
        assertThat(service.agent()).isEmpty();
        assertThat(future.data()).isEqualTo(new WebhookData.Other("incident_workflow_instance"));
        assertThat(future.occurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(noData.data()).isEqualTo(new WebhookData.Other(""));
    }

    @Test
    void incidentDataWithoutType_isReadByItsEventType() {
        String data = incidentData("acknowledged", "null", ROBIN).replace("\"type\":\"incident\",", "");

        WebhookEvent event = parser.parse(envelope("incident.acknowledged", "incident", data));

        assertThat(event.incident().orElseThrow().status()).isEqualTo(PagerDutyStatus.ACKNOWLEDGED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"event\":", "[1,2]", "{\"event\":{}} trailing", "null"})
    void unreadableBodies_areMalformed(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhook.class)
                .satisfies(e -> assertThat(((MalformedWebhook) e).reason()).isNotBlank());
    }

    @Test
    void malformedEnvelopes_sayWhatIsWrong() {
        assertReason("{\"events\":[]}", "no \"event\" object");
        assertReason("{\"event\":\"x\"}", "no \"event\" object");
        assertReason("{\"event\":{\"event_type\":\"incident.triggered\",\"occurred_at\":\"2024-05-01T10:00:00Z\"}}",
                "event.id is missing");
        assertReason("{\"event\":{\"id\":\" \",\"event_type\":\"incident.triggered\"}}", "event.id is missing");
        assertReason("{\"event\":{\"id\":\"01A\",\"occurred_at\":\"2024-05-01T10:00:00Z\"}}", "event.event_type is missing");
        assertReason("{\"event\":{\"id\":\"01A\",\"event_type\":\"pagey.ping\"}}", "occurred_at is missing");
        assertReason("{\"event\":{\"id\":\"01A\",\"event_type\":\"pagey.ping\",\"occurred_at\":\"yesterday\"}}",
                "occurred_at 'yesterday' is not an ISO 8601 date-time");
    }

    @Test
    void incidentEventsWithoutAUsableIncident_areMalformed() {
        assertReason(envelope("incident.triggered", "incident", "null"), "not a JSON object");
        assertReason(envelope("incident.triggered", "incident", incidentData("triggered", "null", "").replace("\"id\":\"Q1ABCDE\",", "")),
                "the incident has no id");
        assertReason(envelope("incident.triggered", "incident", incidentData("exploded", "null", "")),
                "status 'exploded'");
        assertReason(envelope("incident.annotated", "incident", "{\"id\":\"PNOTE1\",\"content\":\"x\",\"type\":\"incident_note\"}"),
                "data.incident.id is missing");
    }

    private void assertReason(String body, String expected) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhook.class)
                .satisfies(e -> assertThat(((MalformedWebhook) e).reason()).contains(expected));
    }
}
