package dev.mayday.cli;

import dev.mayday.db.Database;
import dev.mayday.db.StoreFile;
import dev.mayday.db.backup.DrillResult;
import dev.mayday.drill.BackupConfig;
import dev.mayday.drill.RestoreDrills;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "drill", description = "Back the store (DATABASE_URL) up into BACKUP_DIR now and prove the backup "
        + "restores: integrity, schema, every table's rows, the time a restore takes. Safe while the bot runs; exits "
        + "1 when the drill fails.")
final class DrillCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final Clock clock;

    DrillCommand(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        BackupConfig backups;
        try {
            backups = settings.backups().get();
        } catch (RuntimeException badSetting) {
            return Cli.refuse(spec, badSetting.getMessage(), Cli.BAD_SETTING);
        }
        Optional<String> onPostgres = OnPostgres.refusal(settings.databaseUrl(), OnPostgres.DRILL);
        if (onPostgres.isPresent()) {
            return Cli.refuse(spec, onPostgres.get(), Cli.FAILED);
        }
        if (backups.dir().isEmpty()) {
            return Cli.refuse(spec, "BACKUP_DIR is not set: it names the directory the drill's backup is written to.",
                    Cli.BAD_SETTING);
        }
        Optional<ExistingStore.Refusal> refusal = ExistingStore.check(settings.databaseUrl());
        if (refusal.isPresent()) {
            return Cli.refuse(spec, refusal.get().line(), refusal.get().exitCode());
        }
        Path store = StoreFile.of(settings.databaseUrl());
        DrillResult result;
        try (Database database = Database.open(settings.databaseUrl())) {
            result = new RestoreDrills(database, store, backups.dir().get(), backups.keep(), clock).runNow();
        }
        if (!result.ok()) {
            return Cli.refuse(spec, result.line(), Cli.FAILED);
        }
        spec.commandLine().getOut().println(result.line());
        return Cli.OK;
    }
}
