package dev.mayday.sandbox;

import dev.mayday.MaydayApp;
import dev.mayday.db.backup.DrillResult;
import dev.mayday.db.incident.IncidentRow;
import dev.mayday.drill.BackupConfig;
import dev.mayday.drill.RestoreDrills;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The demo's two kinds of practice, kept apart from its main script: a short practice incident (declared with
 * {@code --drill}, a note, resolved, closed) and, at the very end, one restore drill of the demo's own store, run by the
 * real {@link RestoreDrills} into a scratch {@code BACKUP_DIR}, printed as {@code mayday drill} prints it.
 */
final class DemoDrills {

    /** One slash command typed in Slack, shown and settled as every step of the demo is. */
    interface Commands {
        void command(String user, String channel, String text) throws InterruptedException;
    }

    private final PrintStream out;
    private final Commands commands;

    DemoDrills(PrintStream out, Commands commands) {
        this.out = out;
        this.commands = commands;
    }

    /** A game day: the whole incident flow in a drill- channel, announced as practice, paging nobody. */
    void practiceIncident(MaydayApp app, String user, String general) throws InterruptedException {
        commands.command(user, general, "declare --drill sev2 Checkout failover game day");
        List<IncidentRow> all = app.database().read(store -> store.incidents().all());
        String channel = all.get(all.size() - 1).place().channelId();
        commands.command(user, channel, "note Failed the primary over by hand; the replica took 40 s to promote");
        commands.command(user, channel, "resolve Replica promoted; checkout kept working");
        commands.command(user, channel, "close");
    }

    /** {@code mayday drill} against the demo's store: a backup into a scratch BACKUP_DIR, restored and checked. */
    void restoreDrill(MaydayApp app, Path store) {
        Path backups = null;
        try {
            backups = Files.createTempDirectory("mayday-demo-backups");
            DrillResult result = new RestoreDrills(app.database(), store, backups, BackupConfig.DEFAULT_KEEP,
                    Clock.systemUTC()).runNow();
            out.println("> Alex, in a terminal, with BACKUP_DIR set to a scratch directory: java -jar mayday.jar drill");
            out.println("  " + result.line());
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(backups);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory under the system's temp directory: left for the system to clear
        }
    }
}
