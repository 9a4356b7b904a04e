package dev.mayday.cli;

/**
 * A command offered beside the product's own: the runnable jar adds the demo and the benchmark this way. It either
 * takes no arguments, or ({@code passesArguments}) gets every argument but {@code --help} and owns its options: the
 * benchmark's grow without the product knowing them.
 */
public record Extra(String name, String description, boolean passesArguments, Body body) {

    /** Runs with the arguments after the command's name; answers the exit status. */
    @FunctionalInterface
    public interface Body {
        int run(String[] args) throws Exception;
    }
}
