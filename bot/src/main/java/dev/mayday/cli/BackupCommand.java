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

@Command(name = "backup", description = "Write a consistent snapshot of the store (DATABASE_URL) to a new file; safe "
        + "while the bot runs.")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "<file>", description = "The snapshot to write; it must not exist yet.")
    Path target;

    private final Settings settings;
    private final Backups backups;

    BackupCommand(Settings settings, Backups backups) {
        this.settings = settings;
        this.backups = backups;
    }

    @Override
    public Integer call() {
        Optional<String> onPostgres = OnPostgres.refusal(settings.databaseUrl(), OnPostgres.BACKUP);
        if (onPostgres.isPresent()) {
            return Cli.refuse(spec, onPostgres.get(), Cli.FAILED);
        }
        try {
            backups.backup(settings.databaseUrl(), target);
        } catch (BackupRefused | IllegalArgumentException e) {
            return Cli.refuse(spec, e.getMessage(), Cli.FAILED);
        }
        spec.commandLine().getOut().println("Backed up " + StoreFile.of(settings.databaseUrl()) + " to "
                + target.toAbsolutePath());
        return Cli.OK;
    }
}
