package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.rotation.DutyService;
import dev.mayday.rotation.HandOffs;
import dev.mayday.rotation.RosterGuard;
import dev.mayday.rotation.RosterListener;
import dev.mayday.slack.api.UserGroupMembers;

import java.time.Clock;

/** The duty roster: one {@link DutyService} for commands, App Home and hand-offs, and the lead hand-offs. */
final class DutyWiring {

    private final DutyService duty;
    private final HandOffs handOffs;

    DutyWiring(Config config, Database database, Clock clock, UserGroupMembers userGroups, RosterListener listener) {
        this.duty = new DutyService(database, clock, config.teamZone(), new RosterGuard(config.dutyAdmins(), userGroups),
                listener);
        this.handOffs = new HandOffs(database, clock, config.leadHandoffAfter(), duty);
    }

    DutyService duty() {
        return duty;
    }

    HandOffs handOffs() {
        return handOffs;
    }
}
