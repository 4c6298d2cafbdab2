package dev.calsync.bench;

import java.io.PrintStream;

/** Told how far the benchmark has got; the CLI passes {@link #bar(PrintStream)} writing to stderr. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(String mode, long done, long total) {
        }
    };

    /** {@code done} of {@code total} units of work of {@code mode} (user-passes). */
    void progress(String mode, long done, long total);

    /** A mode finished; {@code summary} is one line for a log. */
    default void modeFinished(String mode, String summary) {
    }

    /** A text progress bar on one line, redrawn at most every 200 ms and at every mode's end. */
    static ProgressListener bar(PrintStream out) {
        return new ProgressBar(out);
    }

    final class ProgressBar implements ProgressListener {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private long lastDrawn;
        private String lastMode;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void progress(String mode, long done, long total) {
            long now = System.nanoTime();
            if (mode.equals(lastMode) && done < total && now - lastDrawn < 200_000_000L) {
                return;
            }
            lastDrawn = now;
            lastMode = mode;
            double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            out.printf("\r%-15s [%s%s] %3d%% %d/%d", mode, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.round(fraction * 100), done, total);
            out.flush();
        }

        @Override
        public synchronized void modeFinished(String mode, String summary) {
            out.printf("\r%-15s %s%s%n", mode, summary, " ".repeat(20));
            out.flush();
            lastMode = null;
        }
    }
}
