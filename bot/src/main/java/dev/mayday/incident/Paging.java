package dev.mayday.incident;

import dev.mayday.db.Database;
import dev.mayday.outbox.PagerPage;
import dev.mayday.outbox.Publications;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages people from an incident's channel and links PagerDuty incidents to it. A page is an outbox row queued once
 * per incident and target (asking again for the same person says they were paged already); the PagerDuty call
 * happens after the answer, never while Slack waits. A practice incident pages nobody.
 */
public final class Paging {

    /** A PagerDuty incident id, alone or at the end of its web address ({@code …/incidents/PABC123}). */
    private static final Pattern PAGER_ID = Pattern.compile("^(?:<?https://[^\\s/]+\\.pagerduty\\.com/incidents/)?"
            + "([A-Z0-9]{2,20})(?:[/?#][^\\s>]*)?>?$");

    private final Database database;
    private final Clock clock;
    private final IncidentNotifier notifier;

    public Paging(Database database, Clock clock, IncidentNotifier notifier) {
        this.database = database;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Queues the page; false when this target was paged for this incident already (nothing is queued). */
    public boolean page(String channelId, PageTarget target, String message, String actor) {
        Optional<Long> queued = database.inTransaction(store -> {
            Incident incident = openIncidentIn(store, channelId);
            if (incident.isPractice()) {
                throw new IncidentRuleViolation("This is a practice incident (a drill): Mayday pages nobody for it, "
                        + "since a real page would wake people for a drill. Invite them to the channel instead.");
            }
            PagerPage page = target.isPerson() ? PagerPage.person(incident.id(), target.name(), message, actor)
                    : PagerPage.service(incident.id(), target.name(), message, actor);
            return Publications.enqueueOnce(store, page, uniqueKey(page), clock.instant())
                    ? Optional.of(incident.id()) : Optional.<Long>empty();
        });
        queued.ifPresent(notifier::queued);
        return queued.isPresent();
    }

    /**
     * Links an existing PagerDuty incident (its id or web address) to the incident in this channel: its webhooks then
     * update this incident. Returns the PagerDuty id.
     */
    public String link(String channelId, String reference) {
        Matcher id = PAGER_ID.matcher(reference == null ? "" : reference.strip());
        if (!id.matches()) {
            throw new IncidentRuleViolation("Give the PagerDuty incident's id or its address, e.g. "
                    + "`/incident pd link PABC123` or `/incident pd link https://acme.pagerduty.com/incidents/PABC123`.");
        }
        String pagerId = id.group(1);
        database.inTransaction(store -> {
            Incident incident = openIncidentIn(store, channelId);
            if (incident.isPractice()) {
                throw new IncidentRuleViolation("Incident #" + incident.id() + " is a drill: it is never linked to "
                        + "PagerDuty, so resolving or handing off practice cannot touch a real page.");
            }
            if (store.pagerDuty().addLink(incident.id(), pagerId, null, clock.millis()) == 0) {
                throw new IncidentRuleViolation("PagerDuty incident " + pagerId + " is linked to another incident "
                        + "already.");
            }
            return null;
        });
        return pagerId;
    }

    static String uniqueKey(PagerPage page) {
        return "page/" + page.incidentKey();
    }

    private static Incident openIncidentIn(Database.Store store, String channelId) {
        Incident incident = store.incidents().byChannel(channelId).map(IncidentRows::toIncident).orElseThrow(() ->
                new IncidentRuleViolation("This is not an incident channel. Run this in the incident's own channel."));
        if (incident.status() == Status.CLOSED) {
            throw new IncidentRuleViolation("This incident is closed: there is nobody to page for it.");
        }
        return incident;
    }
}
