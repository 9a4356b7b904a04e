package dev.mayday.sandbox;

import dev.mayday.Main;
import dev.mayday.bench.Benchmark;
import dev.mayday.cli.Extra;

import java.util.List;

/**
 * The runnable jar's entry point: {@code demo} and {@code bench} live here, beside the fakes they drive, and every
 * other command is the product's own {@link Main}, which knows neither.
 */
public final class JarMain {

    private JarMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, extras()));
    }

    /**
     * The demo takes only {@code --verbose}. The benchmark's options ({@code --quick}, {@code --tiny}, …) are its own: they are
     * passed on to it unread, so that it can grow options without the command line changing.
     */
    static List<Extra> extras() {
        return List.of(
                new Extra("demo", "Run a scripted incident against a local fake Slack and print what Slack would show.",
                        false, List.of(new Extra.Flag("--verbose", "Show every App Home published, not one line per "
                                + "step, and the errors the fake Slack answered that Mayday took in its stride.")),
                        flags -> new Demo(System.out, List.of(flags).contains("--verbose")).run()),
                new Extra("bench", "The benchmark: latency and throughput against the targets, on loopback. "
                        + "Its options are its own: --quick (fewer requests), --check (exit 1 on a missed target), "
                        + "--profile[=commands|webhooks] (record the server during a phase); see README.md.",
                        true, rest -> new Benchmark(System.out).run(rest)));
    }
}
