package dev.mayday.sandbox;

import dev.mayday.Main;
import dev.mayday.bench.Benchmark;

import java.util.List;

/**
 * The runnable jar's entry point: {@code demo} and {@code bench} live here, beside the fakes they drive, and every
 * other command is the product's own {@link Main}, which knows neither.
 */
public final class JarMain {

    private JarMain() {
    }

    public static void main(String[] args) throws Exception {
        Main.run(args, List.of(
                new Main.Extra("demo",
                        "demo    run a scripted incident against a local fake Slack and print what Slack would show",
                        rest -> new Demo(System.out).run()),
                new Main.Extra("bench",
                        "bench [--quick] [--check] [--profile]\n"
                                + "          the benchmark against its targets, on loopback; --check: exit 1 on a"
                                + " missed target,\n          --profile: record the server during Events API ingest",
                        rest -> new Benchmark(System.out).run(rest))));
    }
}
