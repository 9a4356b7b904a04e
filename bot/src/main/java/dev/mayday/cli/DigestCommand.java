package dev.mayday.cli;

import dev.mayday.db.Database;
import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.IsoWeek;
import dev.mayday.people.People;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "digest", description = "Print a week's learnings digest as Markdown, from the store (DATABASE_URL), "
        + "in TEAM_TIMEZONE.")
final class DigestCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Option(names = "--week", paramLabel = "<2026-W47>", converter = IsoWeekConverter.class,
            description = "The ISO week to print (default: the week that ended last).")
    IsoWeek week;

    private final Settings settings;
    private final Clock clock;

    DigestCommand(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ZoneId zone;
        double budgetHours;
        try {
            zone = settings.teamZone().get();
            budgetHours = settings.budgetHours().getAsDouble();
        } catch (RuntimeException badSetting) {
            return Cli.refuse(spec, badSetting.getMessage(), Cli.BAD_SETTING);
        }
        Optional<ExistingStore.Refusal> refusal = ExistingStore.check(settings.databaseUrl());
        if (refusal.isPresent()) {
            return Cli.refuse(spec, refusal.get().line(), refusal.get().exitCode());
        }
        Instant now = clock.instant();
        IsoWeek printed = week != null ? week : IsoWeek.containing(now, zone).previous();
        try (Database database = Database.open(settings.databaseUrl())) {
            DigestFactsLoader facts = new DigestFactsLoader(database, zone,
                    DigestSettings.defaults().withBudgetHours(budgetHours));
            spec.commandLine().getOut().println(Digest.build(facts.load(printed, now))
                    .toMarkdown(People.storedNames(database)));
        }
        return Cli.OK;
    }

    /** A malformed week is a usage error (exit 2), reported with the usage line. */
    static final class IsoWeekConverter implements picocli.CommandLine.ITypeConverter<IsoWeek> {
        @Override
        public IsoWeek convert(String text) {
            try {
                return IsoWeek.parse(text);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
