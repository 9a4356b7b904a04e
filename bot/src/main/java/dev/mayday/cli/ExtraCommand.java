package dev.mayday.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** An {@link Extra} as a command: {@code --help}, then only its flags, or all the arguments passed on. */
final class ExtraCommand {

    private ExtraCommand() {
    }

    static CommandLine of(Extra extra) {
        CommandLine line = new CommandLine(extra.passesArguments() ? new PassingOn(extra.body()) : new NoArguments(extra.body()));
        line.getCommandSpec().name(extra.name());
        for (Extra.Flag flag : extra.flags()) {
            line.getCommandSpec().addOption(OptionSpec.builder(flag.name()).arity("0").type(boolean.class)
                    .description(flag.description()).build());
        }
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
        @Spec
        CommandSpec spec;
        private final Extra.Body body;

        NoArguments(Extra.Body body) {
            this.body = body;
        }

        /** Runs the body with the names of the flags given. */
        @Override
        public Integer call() throws Exception {
            return body.run(spec.options().stream()
                    .filter(option -> option.type() == boolean.class && !option.usageHelp() && !option.versionHelp())
                    .filter(option -> Boolean.TRUE.equals(option.getValue()))
                    .map(OptionSpec::longestName).toArray(String[]::new));
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
