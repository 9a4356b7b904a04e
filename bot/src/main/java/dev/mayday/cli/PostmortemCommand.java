package dev.mayday.cli;

import dev.mayday.db.Database;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.postmortem.PostmortemPrinter;
import dev.mayday.postmortem.Postmortems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "postmortem", description = "Print the incident's latest post-mortem draft from the store (DATABASE_URL).")
final class PostmortemCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "<incident-id>", description = "The number shown on the incident card, e.g. 42.")
    String incidentId;

    private final Settings settings;

    PostmortemCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        Optional<ExistingStore.Refusal> refusal = ExistingStore.check(settings.databaseUrl());
        if (refusal.isPresent()) {
            return Cli.refuse(spec, refusal.get().line(), refusal.get().exitCode());
        }
        PostmortemPrinter.Printout printout;
        try (Database database = Database.open(settings.databaseUrl())) {
            // only reads drafts: the zone matters to writing one, when its times are rendered
            printout = new PostmortemPrinter(new Postmortems(database, ZoneId.of("UTC")),
                    new IncidentDirectory(database)).print(incidentId);
        }
        if (!printout.found()) {
            return Cli.refuse(spec, printout.text(), Cli.FAILED);
        }
        spec.commandLine().getOut().println(printout.text());
        return Cli.OK;
    }
}
