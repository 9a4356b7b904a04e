package dev.mayday;

import dev.mayday.cli.Cli;
import dev.mayday.cli.MaydayVersion;
import dev.mayday.cli.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: the bot, configured from the environment, until SIGTERM or SIGINT stops it: then it stops taking
 * requests, lets those in flight finish, leaves the outbox rows still pending for the next start, and answers 0. A start
 * that fails says so in one line naming the cause and the setting to change; the stack trace is for {@code --debug}.
 * One log line says it started (version, mode, port, store), one that it stopped.
 */
final class Serve implements Server {

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    private final Map<String, String> env;

    Serve(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public int serve(boolean debug, PrintWriter err) throws InterruptedException {
        Config config;
        MaydayApp app;
        try {
            LogFormatting.use(Config.logFormat(env));
            config = Config.fromEnvironment(env);
            app = MaydayApp.start(config, Clock.systemUTC(), "0.0.0.0");
        } catch (RuntimeException e) {
            // ConfigException and StartFailed carry their one line; anything else is a bug, still told in one line
            err.println("mayday serve: " + oneLine(e));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return Cli.BAD_SETTING;
        }
        StopSignals signals = StopSignals.install();
        // any other way out of the JVM (SIGHUP, an exit elsewhere) still closes the server; after a signal's stop
        // there is nothing left for it to close
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "mayday-shutdown"));
        log.info("Mayday {} started: mode {} on port {}, store {} ({})", MaydayVersion.current(),
                config.socketMode() ? "Socket Mode" : "HTTP", app.port(), storeKind(config.databaseUrl()), config);
        String signal = signals.await();
        long stopping = System.nanoTime();
        app.close();
        log.info("Mayday stopped ({}) in {} ms; outbox rows still pending are delivered at the next start", signal,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
        return Cli.OK;
    }

    /** The kind of store, from the JDBC URL's scheme: "sqlite" for jdbc:sqlite:…. */
    static String storeKind(String databaseUrl) {
        String[] parts = databaseUrl.split(":", 3);
        return parts.length > 1 ? parts[1] : "unknown";
    }

    private static String oneLine(RuntimeException e) {
        boolean ours = e instanceof ConfigException || e instanceof StartFailed;
        String message = e.getMessage() == null ? "" : e.getMessage();
        return (ours ? message : "Mayday could not start: " + e + "").strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
