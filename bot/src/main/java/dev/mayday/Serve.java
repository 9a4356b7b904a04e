package dev.mayday;

import dev.mayday.cli.Cli;
import dev.mayday.cli.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: the bot, configured from the environment, until the process is stopped. A start that fails says so in
 * one line naming the cause and the setting to change; the stack trace is for {@code --debug}.
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
        log.info("Mayday is listening on port {} ({})", app.port(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "mayday-shutdown"));
        stopped.await();
        return Cli.OK;
    }

    private static String oneLine(RuntimeException e) {
        boolean ours = e instanceof ConfigException || e instanceof StartFailed;
        String message = e.getMessage() == null ? "" : e.getMessage();
        return (ours ? message : "Mayday could not start: " + e + "").strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
