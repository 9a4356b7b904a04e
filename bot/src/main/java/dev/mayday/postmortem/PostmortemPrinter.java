package dev.mayday.postmortem;

import dev.mayday.incident.IncidentDirectory;

import java.util.Optional;

/** What {@code mayday postmortem <incident-id>} prints: the current draft from the store, or why there is none. */
public final class PostmortemPrinter {

    private final Postmortems postmortems;
    private final IncidentDirectory incidents;

    public PostmortemPrinter(Postmortems postmortems, IncidentDirectory incidents) {
        this.postmortems = postmortems;
        this.incidents = incidents;
    }

    /** {@code found} is false when there is nothing to print; {@code text} then says why, for stderr. */
    public record Printout(boolean found, String text) {
    }

    public Printout print(String incidentIdArgument) {
        Optional<Long> id = parse(incidentIdArgument);
        if (id.isEmpty()) {
            return new Printout(false, "Not an incident id: \"" + incidentIdArgument + "\". Usage: postmortem "
                    + "<incident-id>, e.g. postmortem 12 (the number shown on the incident card).");
        }
        return print(id.get());
    }

    public Printout print(long incidentId) {
        if (incidents.byId(incidentId).isEmpty()) {
            return new Printout(false, "There is no incident #" + incidentId + " in this store.");
        }
        return postmortems.latest(incidentId)
                .map(draft -> new Printout(true, draft.markdown()))
                .orElseGet(() -> new Printout(false, "Incident #" + incidentId + " has no post-mortem draft yet. "
                        + "One is written when the incident is closed, or on demand with `/incident postmortem` "
                        + "in its channel."));
    }

    private static Optional<Long> parse(String argument) {
        String text = argument == null ? "" : argument.strip();
        if (text.startsWith("#")) {
            text = text.substring(1);
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
