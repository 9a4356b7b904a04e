package dev.mayday.postmortem;

import dev.mayday.db.Database;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentChange;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.incident.IncidentNotifier;
import dev.mayday.incident.IncidentService;
import dev.mayday.incident.Severity;
import dev.mayday.support.TestClock;

import java.nio.file.Path;
import java.time.Instant;

/** A temp SQLite store with incidents declared and changed through the real incident service. */
final class StoreFixture {

    static final Instant START = Instant.parse("2026-03-14T09:00:00Z");
    static final String ALEX = "U0ALEX";
    static final String SAM = "U0SAM";

    final Database database;
    final TestClock clock = new TestClock(START);
    final IncidentService incidents;
    final IncidentDirectory directory;

    StoreFixture(Path dir) {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
        incidents = new IncidentService(database, clock, new IncidentNotifier() {
            @Override
            public void declared(Incident incident) {
            }

            @Override
            public void changed(IncidentChange change) {
            }
        });
        directory = new IncidentDirectory(database);
    }

    /** Declared by Alex (who leads it) in channel {@code channel}. */
    long declare(String title, String channel) {
        long id = incidents.declare(new Declaration(title, null, Severity.SEV2, false, false, ALEX, "cmd:" + channel,
                "C0GENERAL")).incident().id();
        directory.attachChannel(id, channel, "inc-" + channel.toLowerCase());
        return id;
    }
}
