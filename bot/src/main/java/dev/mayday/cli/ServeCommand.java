package dev.mayday.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "serve", description = "Run the bot; its configuration comes from the environment (see README.md).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Option(names = "--debug", description = "Print the stack trace of a failed start.")
    boolean debug;

    private final Server server;

    ServeCommand(Server server) {
        this.server = server;
    }

    @Override
    public Integer call() throws InterruptedException {
        return server.serve(debug, spec.commandLine().getErr());
    }
}
