package dev.mayday.bench;

/**
 * What one load phase measured: answers judged good or failed, each request's latency (sorted), the time from the
 * first request to the last answer, the CPU time the load client's one thread used meanwhile, and what the first
 * failure said (empty when none), to tell a reader why a row failed.
 */
record LoadResult(int count, int errors, long elapsedNanos, long[] sortedNanos, long clientCpuNanos,
                  String firstFailure) {

    double perSecond() {
        return elapsedNanos == 0 ? 0 : count * 1e9 / elapsedNanos;
    }

    /** The client thread's CPU time over the phase's wall time: 1.0 would be one core kept busy by the client. */
    double clientCpuShare() {
        return elapsedNanos == 0 ? 0 : (double) clientCpuNanos / elapsedNanos;
    }

    double p(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    double p50() {
        return p(0.50);
    }

    double p99() {
        return p(0.99);
    }

    double max() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
