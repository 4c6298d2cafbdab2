package dev.calsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where the engine's thread spends its CPU inside provider calls: the whole call (adapter, official client and, with
 * the in-process transport, the emulator answering on the same thread) and, of that, the emulator's front end. What
 * is left of a call after the emulator is the client side, which a deployment pays against the real service too.
 */
final class CallCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final LongAdder callNanos = new LongAdder();
    final LongAdder emulatorNanos = new LongAdder();

    /** This thread's CPU time so far. */
    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    <T> T call(Supplier<T> call) {
        long started = now();
        try {
            return call.get();
        } finally {
            callNanos.add(now() - started);
        }
    }
}
