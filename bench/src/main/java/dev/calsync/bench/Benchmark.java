package dev.calsync.bench;

import dev.calsync.core.group.SyncMode;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.push.PushTiming;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The simulated-day benchmark (issue 8): the real engine, store and Google adapter against the in-process emulator
 * over HTTP, on a simulated clock, once per mode on a fresh emulator and a fresh in-memory database, with the
 * same seeded workload; push on the service's own push rules ({@link PushDays}).
 *
 * <pre>{@code
 * BenchResult result = new Benchmark().run(BenchOptions.defaults(), ProgressListener.bar(System.err));
 * result.report().writeTo(Path.of("bench-results"));
 * System.out.println(result.report().toJson());
 * }</pre>
 *
 * Users are simulated in batches (each batch on its own emulator and database, all replaying the same simulated
 * days), so memory stays flat whatever {@code users} is; {@link #parallelBatches(int) a few batches} run at once,
 * each measuring into its own {@link Stats}, merged when it ends. The naive baseline costs ~26,000 calls per user-day, so it
 * runs on the first {@link #naiveSampleUsers(int) few users} only; its per-user figures are exact for them.
 */
public final class Benchmark {
    public static final long DAILY_QUOTA = 1_000_000;
    public static final int PER_USER_MINUTE_LIMIT = 600;
    private static final Duration DAY = Duration.ofDays(1);

    private int batchSize = 250;
    private int naiveSampleUsers = 3;
    private int threads = 2;
    private int naiveHours = 0;
    private int parallelBatches = Integer.getInteger("calsync.bench.parallel",
            Math.min(2, Runtime.getRuntime().availableProcessors()));
    private PushTiming push = PushTiming.DEFAULTS;
    private boolean echoConfirmation = !"false".equals(System.getProperty("calsync.bench.echoConfirmation"));
    private int rateLimitBurstSize = 3;
    private Supplier<Recurrences> recurrences = LibRecurRecurrences::new;

    /**
     * Most users per emulator + database (default 250). A mode's users are split into at least
     * {@link #parallelBatches(int)} batches, so that a small run keeps every batch thread busy too.
     */
    public Benchmark batchSize(int users) {
        this.batchSize = positive(users, "batchSize");
        return this;
    }

    /** Users the naive baseline is run for (default 3; it makes ~28,000 calls per user-day, about a minute each). */
    public Benchmark naiveSampleUsers(int users) {
        this.naiveSampleUsers = positive(users, "naiveSampleUsers");
        return this;
    }

    /**
     * Simulates only the first {@code hours} of the naive baseline (default 0: all days) and scales its per-day
     * figures from them. Every naive poll rewrites every block whatever happened, so a few hours give the same
     * calls per poll as a day; for quick runs (tests), never for published numbers.
     */
    public Benchmark naiveSimulatedHours(int hours) {
        this.naiveHours = hours;
        return this;
    }

    /** Worker threads for the polls of one tick (default 2). */
    public Benchmark threads(int count) {
        this.threads = positive(count, "threads");
        return this;
    }

    /**
     * Batches simulated at once, each on its own thread with its own emulator, database and engine (default: the
     * system property {@code calsync.bench.parallel}, else 2 on a machine with 2 or more processors). Call counts do
     * not depend on it: batches share nothing. Wall time does, and so do CPU and heap (two batches held at once).
     */
    public Benchmark parallelBatches(int count) {
        this.parallelBatches = positive(count, "parallelBatches");
        return this;
    }

    /**
     * Push's timing: debounce windows, channel lifetime and renewal, echo window, safety poll, channel rounds
     * (default: the service's, {@link PushTiming#DEFAULTS}).
     */
    public Benchmark push(PushTiming timing) {
        this.push = timing;
        return this;
    }

    /**
     * Whether push confirms the echo windows of channels seen merging notifications (default: yes, as the service
     * does); off only to measure what merging costs without it.
     */
    public Benchmark echoConfirmation(boolean on) {
        this.echoConfirmation = on;
        return this;
    }

    /** The series expander handed to the engine; null runs without recurrence support. */
    public Benchmark recurrences(Supplier<Recurrences> supplier) {
        this.recurrences = supplier == null ? () -> null : supplier;
        return this;
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }

    /** Runs every mode of {@code options}; never throws for an inconsistent verify (that is in the result). */
    public BenchResult run(BenchOptions options, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long started = System.nanoTime();
        Map<String, ModeResult> results = new LinkedHashMap<>();
        // One INFO line per pass (hundreds of thousands) would measure the console, not the engine.
        java.util.logging.Logger[] quiet = {java.util.logging.Logger.getLogger("dev.calsync"),
                java.util.logging.Logger.getLogger("org.flywaydb"), java.util.logging.Logger.getLogger("com.zaxxer")};
        java.util.logging.Level[] levels = new java.util.logging.Level[quiet.length];
        for (int i = 0; i < quiet.length; i++) {
            levels[i] = quiet[i].getLevel();
            quiet[i].setLevel(java.util.logging.Level.WARNING);
        }
        int parallel = Math.max(1, parallelBatches);
        ExecutorService pool = Executors.newFixedThreadPool(threads * parallel, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        ExecutorService batchPool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bench-batch");
            t.setDaemon(true);
            return t;
        });
        long cpuStarted = processCpuNanos();
        try (HeapSampler heap = HeapSampler.start()) {
            for (String mode : options.orderedModes()) {
                ModeSpec spec = ModeSpec.of(mode);
                int users = spec.syncMode() == SyncMode.NAIVE ? Math.min(options.users(), naiveSampleUsers) : options.users();
                Stats stats = new Stats(spec, users, options.days());
                stats.simulatedHours = simulatedSpan(spec, options).toMinutes() / 60.0;
                heap.resetModePeak();
                long modeStarted = System.nanoTime();
                long modeCpu = processCpuNanos();
                ModeProgress modeProgress = new ModeProgress(listener, mode, (long) users * (options.days() * 24L + 1));
                Batch.Plan plan = new Batch.Plan(spec, options, simulatedSpan(spec, options), push, rateLimitBurstSize,
                        recurrences, echoConfirmation);
                List<Future<?>> batches = new ArrayList<>();
                int size = Math.min(batchSize, (users + parallel - 1) / parallel);
                for (int from = 0; from < users; from += size) {
                    int batchFrom = from;
                    int batchTo = Math.min(users, from + size);
                    // Each batch measures into its own Stats (no shared counters between threads), merged at its end.
                    batches.add(batchPool.submit(() -> {
                        Stats batch = new Stats(spec, batchTo - batchFrom, options.days());
                        long setup = System.nanoTime();
                        try (Batch world = new Batch(plan, batchFrom, batchTo, batch, pool, modeProgress)) {
                            batch.phase("setup", setup);
                            world.run();
                        }
                        synchronized (stats) {
                            stats.merge(batch);
                        }
                        return null;
                    }));
                }
                await(batches);
                stats.wallNanos = System.nanoTime() - modeStarted;
                stats.processCpuNanos = processCpuNanos() - modeCpu;
                stats.peakHeapBytes = heap.modePeak();
                stats.heldUsers = Math.min(users, size * parallel);
                stats.parallelBatches = Math.min(parallel, (users + size - 1) / size);
                ModeResult result = stats.result();
                results.put(mode, result);
                listener.modeFinished(mode, summary(result));
            }
            return new BenchResult(options, results, (System.nanoTime() - started) / 1e9, heap.runPeak() / 1048576.0,
                    (processCpuNanos() - cpuStarted) / 1e9, parallel);
        } finally {
            batchPool.shutdownNow();
            pool.shutdownNow();
            for (int i = 0; i < quiet.length; i++) {
                quiet[i].setLevel(levels[i]);
            }
        }
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** How long a mode's simulated day(s) run: all days, or the naive baseline's first hours when cut short. */
    private Duration simulatedSpan(ModeSpec spec, BenchOptions options) {
        Duration all = DAY.multipliedBy(options.days());
        if (spec.syncMode() == SyncMode.NAIVE && naiveHours > 0 && Duration.ofHours(naiveHours).compareTo(all) < 0) {
            return Duration.ofHours(naiveHours);
        }
        return all;
    }

    /** CPU time of the whole process (every thread: engine, client, emulator, database, GC, JIT). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static String summary(ModeResult r) {
        return String.format(Locale.ROOT, "%,.0f calls/user/day, %.3f× lower bound, %,.0f users/quota, p95 %.1f s, verify %s",
                r.callsPerUserDay(), r.ratioToLowerBound(), r.usersPerDailyQuota(), r.propagationP95Seconds(),
                r.verifyConsistent() ? "consistent" : "INCONSISTENT");
    }

    static Map<String, Long> kindMap(Map<CallKind, Long> byKind) {
        Map<String, Long> m = new TreeMap<>();
        new EnumMap<>(byKind).forEach((k, v) -> m.put(k.name().toLowerCase(Locale.ROOT), v));
        return m;
    }
}
