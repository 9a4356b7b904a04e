package dev.mayday.reminder;

import dev.mayday.db.Database;
import dev.mayday.db.reminder.QuietIncidentRow;
import dev.mayday.db.reminder.UnclosedIncidentRow;
import dev.mayday.incident.Severity;
import dev.mayday.outbox.CloseReminder;
import dev.mayday.outbox.Publications;
import dev.mayday.outbox.UpdateReminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reminders when an incident goes quiet, and the one reminder to close a resolved incident a day later. Each reminder
 * is recorded under a key the store keeps unique, in the same transaction as its post: a restart, a retried check or a
 * second process computing the same reminder records and posts nothing more.
 */
public final class Reminders {

    public static final Duration SNOOZE = Duration.ofMinutes(30);
    public static final Duration CLOSE_AFTER = Duration.ofHours(24);

    private final Database database;
    private final Clock clock;
    private final ReminderSchedule schedule;

    public Reminders(Database database, Clock clock, ReminderSchedule schedule) {
        this.database = database;
        this.clock = clock;
        this.schedule = schedule;
    }

    public ReminderSchedule schedule() {
        return schedule;
    }

    /** Records and queues every reminder due now; returns how many this call queued. */
    public int remindDue() {
        Instant now = clock.instant();
        int queued = 0;
        if (!schedule.isOff()) {
            for (QuietIncidentRow row : database.read(store -> store.reminders().openIncidents())) {
                if (isDue(row, now) && database.inTransaction(store -> remindIn(store, row.incidentId(), now))) {
                    queued++;
                }
            }
        }
        Instant cutoff = now.minus(CLOSE_AFTER);
        for (UnclosedIncidentRow row : database.read(store -> store.reminders().unclosedSince(cutoff.toEpochMilli()))) {
            if (database.inTransaction(store -> remindToCloseIn(store, row, now))) {
                queued++;
            }
        }
        return queued;
    }

    /** Read again inside the writing transaction: what another process did meanwhile decides. */
    private boolean remindIn(Database.Store store, long incidentId, Instant now) {
        Optional<QuietIncidentRow> fresh = store.reminders().openIncident(incidentId);
        if (fresh.isEmpty() || !isDue(fresh.get(), now)) {
            return false;
        }
        QuietIncidentRow row = fresh.get();
        int number = row.lastNumber() == null ? 1 : row.lastNumber() + 1;
        if (store.reminders().remind(incidentId, number, row.quietSince(), now.toEpochMilli()) == 0) {
            return false;
        }
        UpdateReminder reminder = new UpdateReminder(incidentId, number, row.quietSince(), now.toEpochMilli());
        return Publications.enqueueOnce(store, reminder, reminder.uniqueKey(), now);
    }

    private boolean remindToCloseIn(Database.Store store, UnclosedIncidentRow row, Instant now) {
        if (store.reminders().remindToClose(row.incidentId(), row.resolvedAt(), now.toEpochMilli()) == 0) {
            return false;
        }
        CloseReminder reminder = new CloseReminder(row.incidentId(), row.resolvedAt());
        return Publications.enqueueOnce(store, reminder, reminder.uniqueKey(), now);
    }

    private boolean isDue(QuietIncidentRow row, Instant now) {
        Optional<Duration> interval = Severity.parse(row.severity()).flatMap(schedule::intervalFor);
        return interval.isPresent() && stretchOf(row).isDue(interval.get(), now);
    }

    /** Whether the reminder is still worth posting: the incident is open and has stayed quiet since it was due. */
    public boolean stillQuiet(UpdateReminder reminder) {
        return database.read(store -> store.reminders().openIncident(reminder.incidentId()))
                .map(row -> row.quietSince() == reminder.quietSince())
                .orElse(false);
    }

    /** Whether the incident is still resolved (from that resolution) and not closed. */
    public boolean stillUnclosed(CloseReminder reminder) {
        return database.read(store -> store.reminders().stillUnclosed(reminder.incidentId(), reminder.resolvedAt()));
    }

    /** No reminder for the incident for {@link #SNOOZE} from now; returns until when. */
    public Instant snooze(long incidentId, String user) {
        Instant until = clock.instant().plus(SNOOZE);
        database.inTransaction(store -> store.reminders().snooze(incidentId, until.toEpochMilli(), user));
        return until;
    }

    /** The reminders the incident was sent while quiet, for its post-mortem. */
    public int count(long incidentId) {
        return database.read(store -> store.reminders().reminderCount(incidentId));
    }

    private static QuietStretch stretchOf(QuietIncidentRow row) {
        return new QuietStretch(Instant.ofEpochMilli(row.quietSince()),
                Optional.ofNullable(row.lastRemindedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(row.snoozedUntil()).map(Instant::ofEpochMilli));
    }
}
