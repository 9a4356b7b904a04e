package dev.mayday.cli;

import dev.mayday.rotation.RotationSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "simulate-rotation", description = "Compare the fair duty rotation with round robin and random picks.")
final class SimulateRotationCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Option(names = "--members", paramLabel = "<n>", defaultValue = "12", description = "Roster size (default: ${DEFAULT-VALUE}).")
    int members;
    @Option(names = "--incidents", paramLabel = "<n>", defaultValue = "1000", description = "Incidents to assign (default: ${DEFAULT-VALUE}).")
    int incidents;
    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        String report;
        try {
            report = new RotationSimulation().run(members, incidents, seed);
        } catch (IllegalArgumentException outOfRange) {
            return Cli.refuse(spec, outOfRange.getMessage(), Cli.USAGE);
        }
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
