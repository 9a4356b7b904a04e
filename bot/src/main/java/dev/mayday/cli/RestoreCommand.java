package dev.mayday.cli;

import dev.mayday.db.StoreFile;
import dev.mayday.db.backup.BackupRefused;
import dev.mayday.db.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "restore", description = "Replace the store (DATABASE_URL) with a checked snapshot; refused while a "
        + "server runs, and when there is no store to replace.")
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "<file>", description = "The snapshot, as written by backup.")
    Path source;

    private final Settings settings;
    private final Backups backups;

    RestoreCommand(Settings settings, Backups backups) {
        this.settings = settings;
        this.backups = backups;
    }

    @Override
    public Integer call() {
        Optional<String> onPostgres = OnPostgres.refusal(settings.databaseUrl(), OnPostgres.RESTORE);
        if (onPostgres.isPresent()) {
            return Cli.refuse(spec, onPostgres.get(), Cli.FAILED);
        }
        // a mistyped DATABASE_URL would otherwise put the snapshot where no server looks, and say it had restored
        Optional<ExistingStore.Refusal> refusal = ExistingStore.check(settings.databaseUrl());
        if (refusal.isPresent()) {
            return Cli.refuse(spec, refusal.get().line(), refusal.get().exitCode());
        }
        Optional<Path> kept;
        try {
            kept = backups.restore(settings.databaseUrl(), source);
        } catch (BackupRefused | IllegalArgumentException e) {
            return Cli.refuse(spec, e.getMessage(), Cli.FAILED);
        }
        spec.commandLine().getOut().println("Restored " + StoreFile.of(settings.databaseUrl()) + " from "
                + source.toAbsolutePath() + kept.map(k -> "; the replaced store is kept as " + k).orElse(""));
        return Cli.OK;
    }
}
