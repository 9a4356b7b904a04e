package dev.mayday;

import dev.mayday.cli.Cli;
import dev.mayday.cli.Extra;
import dev.mayday.cli.Settings;
import dev.mayday.db.backup.Backups;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar target/mayday.jar serve|backup|…|help}; the jar's entry point adds {@code demo} and {@code bench}.
 * It reads the environment for every command; the commands answer an exit status and only the {@code main} methods
 * exit the process with it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, List.of()));
    }

    /** Runs the command named by {@code args[0]}, one of {@code extras} or one of the product's; answers the exit status. */
    public static int run(String[] args, List<Extra> extras) {
        return run(args, extras, System.getenv(), System.out, System.err);
    }

    /** As above, with the environment and the output given: what the command-line tests run. */
    public static int run(String[] args, List<Extra> extras, Map<String, String> env, PrintStream out, PrintStream err) {
        Settings settings = new Settings(Config.databaseUrl(env), () -> Config.teamZone(env),
                () -> Config.budgetHours(env), () -> Config.backups(env, Config.teamZone(env)));
        Cli cli = new Cli(settings, new Serve(env), new Backups(Clock.systemDefaultZone()), Clock.systemUTC(), extras);
        return cli.execute(args, writer(out), writer(err));
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true, Charset.defaultCharset());
    }
}
