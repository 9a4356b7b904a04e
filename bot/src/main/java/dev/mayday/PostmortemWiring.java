package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.postmortem.ActionItems;
import dev.mayday.postmortem.Learnings;
import dev.mayday.postmortem.Postmortems;

import java.time.ZoneId;

/** Post-mortem drafts and the follow-ups of an incident: action items and learnings. */
final class PostmortemWiring {

    private final Postmortems postmortems;
    private final ActionItems actionItems;
    private final Learnings learnings;

    PostmortemWiring(Database database, ZoneId teamZone) {
        this.postmortems = new Postmortems(database, teamZone);
        this.actionItems = new ActionItems(database);
        this.learnings = new Learnings(database);
    }

    Postmortems postmortems() {
        return postmortems;
    }

    ActionItems actionItems() {
        return actionItems;
    }

    Learnings learnings() {
        return learnings;
    }
}
