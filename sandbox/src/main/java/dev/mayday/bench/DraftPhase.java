package dev.mayday.bench;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.postmortem.Permalinks;
import dev.mayday.postmortem.Postmortems;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Times the post-mortem draft of a closed incident with a long timeline, on a store filled for it. */
final class DraftPhase {

    private final Table table;

    DraftPhase(Table table) {
        this.table = table;
    }

    void run(Benchmark.Sizes sizes, Path dir) throws Exception {
        Path file = dir.resolve("drafts.db");
        Database database = Database.open("jdbc:sqlite:" + file);
        Instant now = Instant.now();
        long fillStart = System.nanoTime();
        long small = fillIncidentWithTimeline(database, 1, sizes.draftSmall(), now);
        long large = fillIncidentWithTimeline(database, 2, sizes.draftLarge(), now);
        double fillMillis = (System.nanoTime() - fillStart) / 1e6;
        Postmortems postmortems = new Postmortems(database, Benchmark.ZONE);
        IncidentDirectory directory = new IncidentDirectory(database);
        draftRow(postmortems, directory, small, sizes.draftSmall(), 200, now, ", cold", fillMillis);
        draftRow(postmortems, directory, small, sizes.draftSmall(), 200, now, "", -1);
        draftRow(postmortems, directory, large, sizes.draftLarge(), 2_000, now, "", -1);
    }

    private void draftRow(Postmortems postmortems, IncidentDirectory directory, long incident, int events,
                          double targetMillis, Instant now, String label, double fillMillis) {
        long t0 = System.nanoTime();
        int loaded = directory.timeline(incident).size();
        double loadMillis = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        int length = postmortems.generate(incident, Permalinks.none(), now).markdown().length();
        double millis = (System.nanoTime() - t0) / 1e6;
        if (loaded != events || length == 0) {
            System.err.printf(Locale.ROOT, "[bench] the draft read %d of %d events and wrote %d characters%n", loaded,
                    events, length);
        }
        String note = String.format(Locale.ROOT, "%s (read %s)", Table.ms(millis), Table.ms(loadMillis));
        if (fillMillis >= 0) {
            note += String.format(Locale.ROOT, ", filled in %s", Table.ms(fillMillis));
        }
        table.add(String.format(Locale.ROOT, "post-mortem draft, %,d events%s", events, label), note,
                "≤ " + Table.ms(targetMillis), label.isEmpty() ? millis <= targetMillis : null);
    }

    /** One closed incident with {@code events} timeline entries: mostly chatter, some key events. */
    private static long fillIncidentWithTimeline(Database database, long id, int events, Instant now) {
        long declared = now.minus(Duration.ofHours(6)).toEpochMilli();
        long closed = now.minus(Duration.ofMinutes(5)).toEpochMilli();
        String[] people = {"U0ALEX", "U0BEA", "U0CHO", "U0DEV", "U0EVA", "U0FIN"};
        String[] keyKinds = {"NOTE_ADDED", "STATUS_CHANGED", "UPDATE_POSTED", "PINNED"};
        database.jdbi().useTransaction(h -> {
            h.createUpdate("INSERT INTO incidents (id, title, summary, severity, status, declared_by, lead, declared_at,"
                            + " acknowledged_at, resolved_at, closed_at, resolution, origin_key, channel_id, channel_name,"
                            + " updated_at) VALUES (:id, :title, 'Checkout errors for EU customers', 'SEV2', 'CLOSED',"
                            + " 'U0ALEX', 'U0ALEX', :declared, :ack, :resolved, :closed, 'Rolled back the deploy',"
                            + " :origin, :channel, :name, :closed)")
                    .bind("id", id).bind("title", "Bench incident " + id).bind("declared", declared)
                    .bind("ack", declared + 60_000).bind("resolved", closed - 600_000).bind("closed", closed)
                    .bind("origin", "bench-" + id).bind("channel", "CBENCH" + id).bind("name", "inc-bench-" + id)
                    .execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO timeline_events (incident_id, occurred_at, kind, actor,"
                    + " text, is_key, slack_ts, dedupe_key) VALUES (:incident, :at, :kind, :actor, :text, :key, :ts, :dedupe)");
            long span = closed - declared;
            for (int i = 0; i < events; i++) {
                long at = declared + span * i / Math.max(1, events);
                boolean key = i % 50 == 0;
                String kind = i == 0 ? "DECLARED" : key ? keyKinds[(i / 50) % keyKinds.length] : "MESSAGE";
                batch.bind("incident", id).bind("at", at).bind("kind", kind).bind("actor", people[i % people.length])
                        .bind("text", key ? (kind.equals("STATUS_CHANGED") ? "IDENTIFIED" : "Key finding number " + i)
                                : "message " + i + " about the checkout service and the rollout of build " + (i % 97))
                        .bind("key", key ? 1 : 0)
                        .bind("ts", String.format(Locale.ROOT, "%d.%06d", at / 1000, i % 1_000_000))
                        .bind("dedupe", "bench-" + id + "-" + i).add();
                if (batch.size() == 5_000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        return id;
    }
}
