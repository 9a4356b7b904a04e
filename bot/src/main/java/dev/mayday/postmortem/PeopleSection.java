package dev.mayday.postmortem;

import dev.mayday.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Who held which role, and who wrote what kind of record: counts, never a ranking. */
final class PeopleSection {

    private PeopleSection() {
    }

    static void write(DraftContext c, StringBuilder out) {
        Map<String, Person> people = new HashMap<>();
        List<LeadTerm> leads = c.leads();
        LeadTerm current = leads.get(leads.size() - 1);
        out.append("## People\n\n");
        out.append("- **Lead:** ").append(c.person(current.lead()));
        if (leads.size() > 1) {
            out.append(" (since ").append(c.times().dateTime(current.from())).append(')');
        }
        out.append('\n');
        person(people, current.lead()).roles.add("lead");
        if (leads.size() > 1) {
            out.append("- **Earlier leads:** ");
            for (int i = 0; i < leads.size() - 1; i++) {
                LeadTerm term = leads.get(i);
                out.append(i == 0 ? "" : ", ").append(c.person(term.lead())).append(" (until ")
                        .append(c.times().dateTime(term.until())).append(')');
                person(people, term.lead()).roles.add("lead until " + c.times().time(term.until()));
            }
            out.append('\n');
        }
        c.incident().people().pairedResponder().ifPresent(responder -> {
            out.append("- **Paired responder:** ").append(c.person(responder)).append('\n');
            person(people, responder).roles.add("paired responder");
        });
        out.append("- **Declared by:** ").append(c.person(c.incident().people().declaredBy())).append("\n\n");
        person(people, c.incident().people().declaredBy()).roles.add("declared");

        count(c, people);
        out.append("Everyone with a role or a word on the record. The counts say where the record comes from; "
                + "they are not a measure of anyone's contribution.\n\n");
        out.append("| person | role | messages | notes | updates |\n|---|---|---:|---:|---:|\n");
        List<Map.Entry<String, Person>> rows = new ArrayList<>(people.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<String, Person> e) -> c.person(e.getKey()).toLowerCase(Locale.ROOT))
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Person> row : rows) {
            Person p = row.getValue();
            out.append("| ").append(c.person(row.getKey())).append(" | ")
                    .append(p.roles.isEmpty() ? "—" : String.join(", ", p.roles)).append(" | ")
                    .append(p.messages).append(" | ").append(p.notes).append(" | ").append(p.updates).append(" |\n");
        }
        out.append('\n');
    }

    private static void count(DraftContext c, Map<String, Person> people) {
        for (TimelineEntry entry : c.entries()) {
            if (entry.deleted() || entry.actor() == null) {
                continue;
            }
            switch (entry.kind()) {
                case MESSAGE -> person(people, entry.actor()).messages++;
                case NOTE_ADDED -> person(people, entry.actor()).notes++;
                case UPDATE_POSTED -> person(people, entry.actor()).updates++;
                default -> {
                }
            }
        }
    }

    private static Person person(Map<String, Person> people, String userId) {
        return people.computeIfAbsent(userId, id -> new Person());
    }

    private static final class Person {
        final Set<String> roles = new LinkedHashSet<>();
        int messages;
        int notes;
        int updates;
    }
}
