package dev.mayday.pagerduty;

import java.util.Objects;
import java.util.Optional;

/** A webhook's {@code event.data}, by its {@code data.type}. */
public sealed interface WebhookData {

    /** The PagerDuty incident this event is about, if any. */
    Optional<String> incidentId();

    /** {@code data.type = incident}: the incident as it is after the event (triggered, acknowledged, reassigned, …). */
    record IncidentData(PagerDutyIncident incident) implements WebhookData {
        public IncidentData {
            Objects.requireNonNull(incident, "incident");
        }

        @Override
        public Optional<String> incidentId() {
            return Optional.of(incident.id());
        }
    }

    /** {@code data.type = incident_note} ({@code incident.annotated}); PagerDuty may shorten long notes ({@code trimmed}). */
    record Note(String noteId, String incidentOf, String content, boolean trimmed) implements WebhookData {
        public Note {
            Objects.requireNonNull(incidentOf, "incidentOf");
            noteId = noteId == null ? "" : noteId;
            content = content == null ? "" : content;
        }

        @Override
        public Optional<String> incidentId() {
            return Optional.of(incidentOf);
        }
    }

    /** {@code data.type = incident_responder} ({@code incident.responder.added} / {@code .replied}). */
    record Responder(String incidentOf, Optional<PagerDutyRef> user, String message, String state) implements WebhookData {
        public Responder {
            Objects.requireNonNull(incidentOf, "incidentOf");
            user = Objects.requireNonNullElse(user, Optional.empty());
            message = message == null ? "" : message;
            state = state == null ? "" : state;
        }

        @Override
        public Optional<String> incidentId() {
            return Optional.of(incidentOf);
        }
    }

    /** {@code pagey.ping}: the subscription test. */
    record Ping(String message) implements WebhookData {
        @Override
        public Optional<String> incidentId() {
            return Optional.empty();
        }
    }

    /** A data type Mayday does not read (services, status updates, future additions). */
    record Other(String dataType) implements WebhookData {
        @Override
        public Optional<String> incidentId() {
            return Optional.empty();
        }
    }
}
