package dev.mayday.bench;

/** Runs the server phases, recording the one {@code --profile} names (none when there is no profiler). */
final class Recorded {

    /** A phase of load. */
    @FunctionalInterface
    interface Phase {
        void run() throws Exception;
    }

    private final ServerProfile profiler;
    private final Benchmark.Profiled profiled;
    private ServerProfile.Span span;

    Recorded(ServerProfile profiler, Benchmark.Profiled profiled) {
        this.profiler = profiler;
        this.profiled = profiled;
    }

    void during(Benchmark.Profiled phase, Phase load) throws Exception {
        boolean recording = profiler != null && phase == profiled;
        if (recording) {
            profiler.begin();
        }
        load.run();
        if (recording) {
            span = profiler.stop();
        }
    }

    /** The recorded phase's span, or null when nothing was recorded. */
    ServerProfile.Span span() {
        return span;
    }
}
