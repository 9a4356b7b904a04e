package dev.mayday.cli;

import picocli.CommandLine.Option;

/** Every command's {@code --help}; {@code --version} is offered once, on the top command. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
