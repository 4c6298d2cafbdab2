package dev.calsync.bench;

import java.util.Map;

/**
 * A whole run: the options, each mode's result in report order, and what the run itself took.
 *
 * @param wallSeconds real time of the whole run
 * @param peakHeapMb  the largest heap use sampled during the run (emulator and in-memory database included)
 * @param cpuSeconds  CPU time of the whole process during the run (all threads, emulator and GC included)
 * @param parallelBatches batches simulated at once
 */
public record BenchResult(BenchOptions options, Map<String, ModeResult> modes, double wallSeconds, double peakHeapMb,
                          double cpuSeconds, int parallelBatches) {

    public BenchResult {
        modes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modes));
    }

    public ModeResult mode(String name) {
        return modes.get(name);
    }

    public BenchReport report() {
        return new BenchReport(this);
    }
}
