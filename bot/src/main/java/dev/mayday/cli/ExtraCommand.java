package dev.mayday.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** An {@link Extra} as a command: {@code --help}, then no arguments or all of them passed on. */
final class ExtraCommand {

    private ExtraCommand() {
    }

    static CommandLine of(Extra extra) {
        CommandLine line = new CommandLine(extra.passesArguments() ? new PassingOn(extra.body()) : new NoArguments(extra.body()));
        line.getCommandSpec().name(extra.name());
        line.getCommandSpec().usageMessage().description(extra.description());
        if (extra.passesArguments()) {
            line.getCommandSpec().usageMessage().customSynopsis(Cli.NAME + " " + extra.name() + " [-h] [<its own options>...]");
        }
        return line;
    }

    @Command
    static final class NoArguments implements Callable<Integer> {
        @Mixin
        HelpOption help;
        private final Extra.Body body;

        NoArguments(Extra.Body body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.run(new String[0]);
        }
    }

    @Command
    static final class PassingOn implements Callable<Integer> {
        @Mixin
        HelpOption help;
        @Unmatched
        List<String> rest = new ArrayList<>();
        private final Extra.Body body;

        PassingOn(Extra.Body body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.run(rest.toArray(String[]::new));
        }
    }
}
