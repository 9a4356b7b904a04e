package dev.mayday.cli;

import dev.mayday.db.backup.Backups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command line: every command, its options and its exit status. Nothing is guessed: an unknown option, a
 * missing or extra argument is refused with exit status 2 and the command's usage line. 0 means done, 1 that the
 * command could not do it (a missing store, an incident without a draft), 2 that it was asked wrongly (usage, or a
 * setting it cannot use).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_SETTING = 2;
    /** How the commands are run, as the usage lines show it. */
    static final String NAME = "java -jar mayday.jar";

    private final CommandLine line;

    public Cli(Settings settings, Server server, Backups backups, Clock clock, List<Extra> extras) {
        line = new CommandLine(new Top());
        line.addSubcommand(new ServeCommand(server));
        extras.forEach(extra -> line.addSubcommand(ExtraCommand.of(extra)));
        line.addSubcommand(new DigestCommand(settings, clock));
        line.addSubcommand(new BackupCommand(settings, backups));
        line.addSubcommand(new RestoreCommand(settings, backups));
        line.addSubcommand(new DrillCommand(settings, clock));
        line.addSubcommand(new PostmortemCommand(settings));
        line.addSubcommand(new SimulateRotationCommand());
        line.addSubcommand(new CommandLine.HelpCommand());
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler((e, command, parsed) -> refuse(command.getCommandSpec(),
                e.getMessage() == null ? e.toString() : e.getMessage(), FAILED));
    }

    /** Runs {@code args}, writing to {@code out} and {@code err}; answers the exit status (it never exits itself). */
    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One line on stderr, prefixed with the command's name; answers {@code exitCode}. */
    static int refuse(CommandSpec command, String message, int exitCode) {
        PrintWriter err = command.commandLine().getErr();
        err.println(prefix(command) + ": " + message.strip().replaceAll("\\s*\\R\\s*", " "));
        err.flush();
        return exitCode;
    }

    private static String prefix(CommandSpec command) {
        return command.parent() == null ? "mayday" : "mayday " + command.name();
    }

    /** The error, then the usage line (the whole list of commands when no command was named), then where to look. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        boolean unknownCommand = command.getCommandSpec().parent() == null && e instanceof UnmatchedArgumentException;
        err.println(prefix(command.getCommandSpec()) + ": " + (unknownCommand
                ? "Unknown command: '" + String.join(" ", ((UnmatchedArgumentException) e).getUnmatched()) + "'"
                : e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        if (command.getCommandSpec().parent() == null) {
            err.print(command.getUsageMessage());
        } else {
            err.print("Usage: " + command.getHelp().synopsis(0));
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        }
        err.flush();
        return USAGE;
    }

    @Command(name = NAME, versionProvider = MaydayVersion.class,
            description = "Mayday, the incident-response bot for Slack.")
    static final class Top implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
        @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
        boolean version;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "Missing command: name one of the commands below.");
        }
    }
}
