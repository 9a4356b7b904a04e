package dev.mayday.cli;

import java.util.List;
import java.util.Objects;

/**
 * A command offered beside the product's own: the runnable jar adds the demo and the benchmark this way. It either
 * takes only the {@code flags} it names (none by default; anything else is a usage error), or
 * ({@code passesArguments}) gets every argument but {@code --help} and owns its options: the benchmark's grow without
 * the product knowing them.
 */
public record Extra(String name, String description, boolean passesArguments, List<Flag> flags, Body body) {

    public Extra {
        flags = List.copyOf(flags);
        Objects.requireNonNull(body, "body");
    }

    public Extra(String name, String description, boolean passesArguments, Body body) {
        this(name, description, passesArguments, List.of(), body);
    }

    /** An option without a value, such as {@code --verbose}; the body gets the names of those given. */
    public record Flag(String name, String description) {
    }

    /** Runs with the arguments after the command's name; answers the exit status. */
    @FunctionalInterface
    public interface Body {
        int run(String[] args) throws Exception;
    }
}
