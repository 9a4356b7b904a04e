package dev.mayday.cli;

import java.io.PrintWriter;

/** What {@code serve} runs: starts the bot and runs it until the process is stopped; answers the exit status. */
@FunctionalInterface
public interface Server {

    /** A start that fails is one line on {@code err} (its stack trace too when {@code debug}), exit status 2. */
    int serve(boolean debug, PrintWriter err) throws InterruptedException;
}
