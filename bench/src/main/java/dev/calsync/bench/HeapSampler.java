package dev.calsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every 100 ms: the peak of the run and of the current mode (everything in the JVM). */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long runPeak;
    private volatile long modePeak;

    private HeapSampler() {
        thread = new Thread(this::loop, "bench-heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        runPeak = Math.max(runPeak, used);
        modePeak = Math.max(modePeak, used);
    }

    synchronized void resetModePeak() {
        modePeak = 0;
        sample();
    }

    long modePeak() {
        sample();
        return modePeak;
    }

    long runPeak() {
        sample();
        return runPeak;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
