package dev.mayday.slack.handlers;

import dev.mayday.incident.IncidentRuleViolation;
import dev.mayday.incident.PageTarget;
import dev.mayday.incident.Paging;
import dev.mayday.slack.views.Mentions;
import dev.mayday.text.UserText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /incident page @someone [@other …] [message]}, {@code /incident page <PagerDuty service name>} (or
 * {@code "<name>" [message]}), and {@code /incident pd link <PagerDuty incident id or address>}. The page is queued
 * and answered at once; PagerDuty is called after the answer, and the channel is told who was paged.
 */
public final class PageCommand {

    static final String NOT_CONFIGURED = ":no_entry: Paging is not set up for Mayday. To page through PagerDuty, set "
            + "`PAGERDUTY_API_TOKEN` (a REST API key), `PAGERDUTY_FROM_EMAIL` (a PagerDuty user's email) and "
            + "`PAGERDUTY_SERVICE_ID` (the service pages are opened on), then restart Mayday.";
    private static final String USAGE = "Say whom to page: `/incident page @someone [message]`, or a PagerDuty "
            + "service by name: `/incident page Checkout API`.";

    private final Paging paging;
    private final boolean hasToken;
    private final Optional<String> serviceId;

    public PageCommand(Paging paging, boolean hasToken, Optional<String> serviceId) {
        this.paging = paging;
        this.hasToken = hasToken;
        this.serviceId = serviceId;
    }

    public String page(String channel, String user, String text) {
        if (!hasToken) {
            return NOT_CONFIGURED;
        }
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new IncidentRuleViolation(USAGE);
        }
        List<String> people = new ArrayList<>();
        String[] words = rest.split("\\s+");
        int used = 0;
        while (used < words.length && Mentions.userId(words[used]).isPresent()) {
            people.add(Mentions.userId(words[used]).orElseThrow());
            used++;
        }
        if (people.isEmpty()) {
            return pageService(channel, user, rest);
        }
        if (serviceId.isEmpty()) {
            return ":no_entry: Paging people needs `PAGERDUTY_SERVICE_ID` (the PagerDuty service their pages are "
                    + "opened on). Set it and restart Mayday, or page a service by name: `/incident page <service>`.";
        }
        String message = String.join(" ", List.of(words).subList(used, words.length));
        List<String> lines = new ArrayList<>();
        for (String person : people) {
            lines.add(paging.page(channel, PageTarget.person(person), message, user)
                    ? ":pager: Paging " + Mentions.of(person) + " through PagerDuty; the channel hears when PagerDuty has it."
                    : Mentions.of(person) + " was paged for this incident already.");
        }
        return String.join("\n", lines);
    }

    public String link(String channel, String reference) {
        String pagerId = paging.link(channel, reference);
        return ":link: Linked PagerDuty incident " + pagerId + ": its events now update this incident"
                + (hasToken ? "." : " (set `PAGERDUTY_API_TOKEN` for Mayday to update it in turn).");
    }

    private String pageService(String channel, String user, String rest) {
        String name = rest;
        String message = "";
        if (rest.startsWith("\"") && rest.indexOf('"', 1) > 1) {
            name = rest.substring(1, rest.indexOf('"', 1));
            message = rest.substring(rest.indexOf('"', 1) + 1).strip();
        }
        if (name.isBlank() || name.length() > 200) {
            throw new IncidentRuleViolation(USAGE);
        }
        String shown = "*" + UserText.inert(name) + "*";
        return paging.page(channel, PageTarget.service(name), message, user)
                ? ":pager: Paging the PagerDuty service " + shown + "; the channel hears when PagerDuty has it."
                : "The service " + shown + " was paged for this incident already.";
    }
}
