package dev.mayday;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar mayday.jar serve|demo|help}. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "demo" -> System.exit(new dev.mayday.sandbox.Demo(System.out).run());
            case "help", "--help", "-h" -> System.out.println(usage());
            default -> {
                System.err.println("mayday: unknown command '" + command + "'\n" + usage());
                System.exit(2);
            }
        }
    }

    private static void serve() throws InterruptedException {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("mayday: " + e.getMessage());
            System.exit(2);
            return;
        }
        MaydayApp app = MaydayApp.start(config, Clock.systemUTC(), "0.0.0.0");
        log.info("Mayday is listening on port {} ({})", app.port(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "mayday-shutdown"));
        stopped.await();
    }

    private static String usage() {
        return """
                usage: java -jar bot/target/mayday.jar <command>
                  serve   run the bot (configuration from the environment; see README.md)
                  demo    run a scripted incident against a local fake Slack and print what Slack would show
                  help    this text""";
    }
}
