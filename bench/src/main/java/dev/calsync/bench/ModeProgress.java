package dev.calsync.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Progress of one mode over all its batches, which may run at once. */
final class ModeProgress {
    private final ProgressListener listener;
    private final String mode;
    private final long total;
    private final AtomicLong done = new AtomicLong();

    ModeProgress(ProgressListener listener, String mode, long total) {
        this.listener = listener;
        this.mode = mode;
        this.total = total;
    }

    void add(long units) {
        listener.progress(mode, done.addAndGet(units), total);
    }
}
