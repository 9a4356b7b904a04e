package dev.mayday;

import dev.mayday.db.Database;
import dev.mayday.db.StoreFile;
import dev.mayday.db.backup.BackupRefused;
import dev.mayday.db.backup.Backups;
import dev.mayday.digest.Digest;
import dev.mayday.digest.DigestFactsLoader;
import dev.mayday.digest.DigestSettings;
import dev.mayday.digest.IsoWeek;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.postmortem.PostmortemPrinter;
import dev.mayday.postmortem.Postmortems;
import dev.mayday.rotation.RotationSimulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar target/mayday.jar serve|backup|…|help}; the jar's entry point adds {@code demo} and {@code bench}. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        run(args, List.of());
    }

    /** A command offered beside the product's own: the runnable jar adds the demo and the benchmark this way. */
    public record Extra(String name, String usage, Body body) {
        public interface Body {
            /** Runs with the arguments after the command's name; answers the exit status. */
            int run(String[] args) throws Exception;
        }
    }

    /** Runs the command named by {@code args[0]}: one of {@code extras}, or one of the product's. */
    public static void run(String[] args, List<Extra> extras) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        for (Extra extra : extras) {
            if (extra.name().equals(command)) {
                System.exit(extra.body().run(Arrays.copyOfRange(args, 1, args.length)));
                return;
            }
        }
        switch (command) {
            case "serve" -> serve();
            case "simulate-rotation" -> simulateRotation(args);
            case "postmortem" -> printPostmortem(args);
            case "digest" -> printDigest(args);
            case "backup", "restore" -> backupOrRestore(args);
            case "help", "--help", "-h" -> System.out.println(usage(extras));
            default -> {
                System.err.println("mayday: unknown command '" + command + "'\n" + usage(extras));
                System.exit(2);
            }
        }
    }

    private static void serve() throws InterruptedException {
        Config config;
        MaydayApp app;
        try {
            config = Config.fromEnvironment(System.getenv());
            app = MaydayApp.start(config, Clock.systemUTC(), "0.0.0.0");
        } catch (ConfigException e) {
            System.err.println("mayday: " + e.getMessage());
            System.exit(2);
            return;
        } catch (StartFailed e) {
            log.debug("Start failed", e);
            System.err.println("mayday: " + e.getMessage());
            System.exit(1);
            return;
        }
        log.info("Mayday is listening on port {} ({})", app.port(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "mayday-shutdown"));
        stopped.await();
    }

    /** {@code postmortem <incident-id>}: the latest stored draft, from the store named by DATABASE_URL. */
    private static void printPostmortem(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -jar target/mayday.jar postmortem <incident-id>");
            System.exit(2);
        }
        PostmortemPrinter.Printout printout;
        try (Database database = Database.open(Config.databaseUrl(System.getenv()))) {
            printout = new PostmortemPrinter(new Postmortems(database, ZoneId.of("UTC")),
                    new IncidentDirectory(database)).print(args[1]);
        }
        if (printout.found()) {
            System.out.println(printout.text());
        } else {
            System.err.println("mayday postmortem: " + printout.text());
            System.exit(1);
        }
    }

    /** {@code backup <file>} while the bot runs; {@code restore <file>} while it does not. */
    private static void backupOrRestore(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -jar target/mayday.jar " + args[0] + " <file>");
            System.exit(2);
        }
        String url = Config.databaseUrl(System.getenv());
        Backups backups = new Backups(Clock.systemDefaultZone());
        try {
            if (args[0].equals("backup")) {
                backups.backup(url, Path.of(args[1]));
                System.out.println("Backed up " + StoreFile.of(url) + " to " + Path.of(args[1]).toAbsolutePath());
            } else {
                Optional<Path> kept = backups.restore(url, Path.of(args[1]));
                System.out.println("Restored " + StoreFile.of(url) + " from " + Path.of(args[1]).toAbsolutePath()
                        + kept.map(k -> "; the replaced store is kept as " + k).orElse(""));
            }
        } catch (BackupRefused | IllegalArgumentException e) {
            System.err.println("mayday " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@code digest [--week 2026-W47]}: a week's digest as Markdown (default: the week that ended last). */
    private static void printDigest(String[] args) {
        Map<String, String> env = System.getenv();
        ZoneId zone;
        IsoWeek week;
        try {
            zone = Config.teamZone(env);
            week = args.length >= 3 && args[1].equals("--week") ? IsoWeek.parse(args[2])
                    : IsoWeek.containing(Instant.now(), zone).previous();
        } catch (RuntimeException e) {
            System.err.println("mayday digest: " + e.getMessage() + "\nusage: digest [--week 2026-W47]");
            System.exit(2);
            return;
        }
        try (Database database = Database.open(Config.databaseUrl(env))) {
            DigestFactsLoader facts = new DigestFactsLoader(database, zone,
                    DigestSettings.defaults().withBudgetHours(Config.budgetHours(env)));
            System.out.println(Digest.build(facts.load(week, Instant.now())).toMarkdown());
        }
    }

    /** {@code simulate-rotation [--members N] [--incidents N] [--seed N]} */
    private static void simulateRotation(String[] args) {
        int members = 12;
        int incidents = 1000;
        long seed = 42;
        try {
            for (int i = 1; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--members" -> members = Integer.parseInt(value);
                    case "--incidents" -> incidents = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            System.out.print(new RotationSimulation().run(members, incidents, seed));
        } catch (IllegalArgumentException e) {
            System.err.println("mayday simulate-rotation: " + e.getMessage()
                    + "\nusage: simulate-rotation [--members 12] [--incidents 1000] [--seed 42]");
            System.exit(2);
        }
    }

    private static String usage(List<Extra> extras) {
        StringBuilder extraLines = new StringBuilder();
        extras.forEach(extra -> extraLines.append("  ").append(extra.usage()).append('\n'));
        return """
                usage: java -jar target/mayday.jar <command>
                  serve   run the bot (configuration from the environment; see README.md)
                  digest [--week 2026-W47]
                          print a week's learnings digest as Markdown (default: last week)
                  backup <file>    a consistent snapshot of the store (DATABASE_URL), safe while the bot runs
                  restore <file>   replace the store with a checked snapshot (refused while a server runs)
                  postmortem <incident-id>
                          print the incident's latest post-mortem draft from the store (DATABASE_URL)
                  simulate-rotation [--members 12] [--incidents 1000] [--seed 42]
                          compare the fair duty rotation with round robin and random picks
                  help    this text""".replace("  help ", extraLines + "  help ");
    }
}
