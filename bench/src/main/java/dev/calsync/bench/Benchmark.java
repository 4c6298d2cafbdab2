package dev.calsync.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.EventSpec;
import dev.calsync.bench.Workload.Fault;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.StaticAccessTokens;
import dev.calsync.google.WatchChannel;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulated-day benchmark (issue 8): the real engine, store and Google adapter against the in-process emulator
 * over HTTP, on a simulated clock, once per mode on a fresh emulator and a fresh in-memory database, with the
 * same seeded workload.
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
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private int batchSize = 250;
    private int naiveSampleUsers = 3;
    private int threads = 2;
    private int naiveHours = 0;
    private int parallelBatches = Integer.getInteger("calsync.bench.parallel",
            Math.min(2, Runtime.getRuntime().availableProcessors()));
    private Duration debounce = Duration.ofSeconds(2);
    private Duration safetyPoll = Duration.ofHours(6);
    private Duration channelTtl = Duration.ofDays(7);
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

    /** Push: notifications of one group within this simulated time make one pass (default 2 s). */
    public Benchmark debounce(Duration window) {
        this.debounce = window;
        return this;
    }

    /** Push: the slow safety poll (default 6 h). */
    public Benchmark safetyPoll(Duration interval) {
        this.safetyPoll = interval;
        return this;
    }

    /** Push: the lifetime asked for each channel (default 7 days, Google's default). */
    public Benchmark channelTtl(Duration ttl) {
        this.channelTtl = ttl;
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

    record ModeSpec(String key, SyncMode syncMode, Duration pollInterval) {
        static ModeSpec of(String key) {
            return switch (key) {
                case BenchOptions.NAIVE -> new ModeSpec(key, SyncMode.NAIVE, Duration.ofMinutes(15));
                case BenchOptions.FULL -> new ModeSpec(key, SyncMode.FULL, Duration.ofMinutes(15));
                case BenchOptions.INCREMENTAL_15M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(15));
                case BenchOptions.INCREMENTAL_5M -> new ModeSpec(key, SyncMode.INCREMENTAL, Duration.ofMinutes(5));
                case BenchOptions.PUSH -> new ModeSpec(key, SyncMode.INCREMENTAL, null);
                default -> throw new IllegalArgumentException("unknown mode " + key);
            };
        }

        boolean push() {
            return pollInterval == null;
        }
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
                Progress modeProgress = new Progress(listener, mode, (long) users * (options.days() * 24L + 1));
                List<Future<?>> batches = new ArrayList<>();
                int size = Math.min(batchSize, (users + parallel - 1) / parallel);
                for (int from = 0; from < users; from += size) {
                    int batchFrom = from;
                    int batchTo = Math.min(users, from + size);
                    // Each batch measures into its own Stats (no shared counters between threads), merged at its end.
                    batches.add(batchPool.submit(() -> {
                        Stats batch = new Stats(spec, batchTo - batchFrom, options.days());
                        long setup = System.nanoTime();
                        try (World world = new World(spec, options, batchFrom, batchTo, batch, pool, modeProgress)) {
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

    /** Progress of one mode over all its batches, which may run at once. */
    static final class Progress {
        private final ProgressListener listener;
        private final String mode;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        Progress(ProgressListener listener, String mode, long total) {
            this.listener = listener;
            this.mode = mode;
            this.total = total;
        }

        void add(long units) {
            long now = done.addAndGet(units);
            listener.progress(mode, now, total);
        }
    }

    static String summary(ModeResult r) {
        return String.format(Locale.ROOT, "%,.0f calls/user/day, %.3f× lower bound, %,.0f users/quota, p95 %.1f s, verify %s",
                r.callsPerUserDay(), r.ratioToLowerBound(), r.usersPerDailyQuota(), r.propagationP95Seconds(),
                r.verifyConsistent() ? "consistent" : "INCONSISTENT");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One batch of users in one mode: a fresh emulator, database, provider and engine on a fresh simulated clock. */
    private final class World implements AutoCloseable {
        final ModeSpec spec;
        final BenchOptions options;
        final int from;
        final Stats stats;
        final ExecutorService pool;
        final Progress progress;
        long reported;
        final SimClock clock = new SimClock(Workload.START.minus(Duration.ofHours(1)));
        final List<User> users = new ArrayList<>();
        final List<SyncGroup> groups = new ArrayList<>();
        final UserState[] state;
        final GoogleCalendarEmulator emulator;
        final HikariDataSource dataSource;
        final ExpiringTokenStore store;
        final CallRecorder recorder;
        final GoogleCalendarProvider provider;
        final GoogleCalendarProvider verifyingProvider;
        final SyncEngine engine;
        final Verifier verifier;
        final AtomicLong backoffMillis = new AtomicLong();
        PushReceiver receiver;
        // push: channels, expected echoes, pending bursts
        final Map<String, Channel> channels = new HashMap<>();
        final Map<CalendarRef, Channel> channelOf = new HashMap<>();
        final Map<String, Long> expectedEchoes = new HashMap<>();
        final Map<Integer, Burst> bursts = new TreeMap<>();
        int channelGeneration;

        World(ModeSpec spec, BenchOptions options, int from, int to, Stats stats, ExecutorService pool,
              Progress progress) {
            this.spec = spec;
            this.options = options;
            this.from = from;
            this.stats = stats;
            this.pool = pool;
            this.progress = progress;
            Map<String, String> tokens = new HashMap<>();
            Map<String, Integer> userOfCalendar = new HashMap<>();
            Map<String, Integer> userOfAccount = new HashMap<>();
            for (int i = from; i < to; i++) {
                User user = Workload.user(options, i);
                users.add(user);
                user.accounts().forEach(a -> {
                    tokens.put(a.id(), a.token());
                    userOfAccount.put(a.id(), users.size() - 1);
                });
                user.calendars().forEach(c -> userOfCalendar.put(c.calendarId(), users.size() - 1));
            }
            state = new UserState[users.size()];
            emulator = GoogleCalendarEmulator.start(0);
            emulator.setClock(clock);
            dataSource = Databases.open("jdbc:h2:mem:bench-" + spec.key() + "-" + from + "-" + System.nanoTime(), "sa", "");
            store = new ExpiringTokenStore(new JdbcSyncStore(dataSource, clock));
            recorder = new CallRecorder(userOfCalendar, userOfAccount, users.size());
            provider = GoogleCalendarProvider.builder(new StaticAccessTokens(tokens))
                    .rootUrl(emulator.rootUrl())
                    .callListener(recorder)
                    .sleeper(delay -> backoffMillis.addAndGet(delay.toMillis()))
                    .jitterSeed(options.seed())
                    .build();
            verifyingProvider = GoogleCalendarProvider.builder(new StaticAccessTokens(tokens))
                    .rootUrl(emulator.rootUrl())
                    .sleeper(delay -> { })
                    .build();
            Recurrences series = recurrences.get();
            engine = new SyncEngine(provider, store, series, clock, "bench-" + spec.key(), Duration.ofMinutes(5));
            verifier = new Verifier(verifyingProvider, store, series, clock);
        }

        void run() {
            long t = System.nanoTime();
            seed();
            t = stats.phase("seed", t);
            initialSync();
            t = stats.phase("initialSync", t);
            long emuAfterInitial = emulator.counters().total();
            Map<String, Long> emuKindsAfterInitial = emulatorByKind();
            Map<CallKind, Long> tallyAfterInitial = recorder.tally.snapshot();
            long tallyTotalAfterInitial = recorder.tally.total();
            Map<String, Long> outcomesAfterInitial = recorder.byKindAndOutcome();
            if (spec.push()) {
                pushDays();
            } else {
                pollingDays();
            }
            t = stats.phase("days", t);
            long emuDay = emulator.counters().total() - emuAfterInitial;
            long tallyDay = recorder.tally.total() - tallyTotalAfterInitial;
            Map<String, Long> emuKinds = diff(emulatorByKind(), emuKindsAfterInitial);
            Map<String, Long> tallyKinds = new TreeMap<>();
            recorder.tally.since(tallyAfterInitial).forEach((k, v) -> tallyKinds.put(k.name().toLowerCase(Locale.ROOT), v));
            stats.addDay(emuDay, tallyDay, emuKinds, tallyKinds, diff(recorder.byKindAndOutcome(), outcomesAfterInitial),
                    backoffMillis.get());
            for (int u = 0; u < users.size(); u++) {
                stats.unpropagated += state[u].pendingSim.size();
                stats.verify(verifier.verify(groups.get(u)));
            }
            t = stats.phase("verify", t);
            // What the batch holds (emulator, in-memory database, engine) once garbage is gone.
            System.gc();
            java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            stats.retainedHeapBytes = Math.max(stats.retainedHeapBytes, heap.getUsed());
            stats.phase("gc", t);
        }

        private Map<String, Long> emulatorByKind() {
            Map<String, Long> kinds = new TreeMap<>();
            for (dev.calsync.emulator.CallKind kind : dev.calsync.emulator.CallKind.values()) {
                long n = emulator.counters().total(kind);
                if (n != 0) {
                    kinds.put(kind.name().toLowerCase(Locale.ROOT), n);
                }
            }
            return kinds;
        }

        // --- setup and initial sync ------------------------------------------------------------------------------

        private void seed() {
            for (int u = 0; u < users.size(); u++) {
                User user = users.get(u);
                state[u] = new UserState();
                user.accounts().forEach(a -> emulator.addAccount(a.id(), a.token()));
                for (int c = 0; c < user.calendars().size(); c++) {
                    Workload.Cal cal = user.calendars().get(c);
                    emulator.addCalendar(cal.accountId(), cal.calendarId(), "Calendar " + c, c == 0
                            || user.calendars().stream().limit(c).noneMatch(p -> p.accountId().equals(cal.accountId())));
                }
                for (EventSpec event : user.initialEvents()) {
                    if (event.recurringEventId() != null && event.summary() == null) {
                        emulator.userDelete(event.calendarId(), event.id());
                    } else if (event.recurringEventId() != null) {
                        emulator.userUpdate(event.calendarId(), event.id(), event.toJson());
                    } else {
                        emulator.userInsert(event.calendarId(), event.toJson());
                    }
                }
                List<CalendarRef> refs = user.calendars().stream()
                        .map(c -> new CalendarRef(c.accountId(), c.calendarId())).toList();
                SyncGroup group = new SyncGroup("g" + user.index(), "user" + user.index(), "Busy", Window.DEFAULT,
                        spec.syncMode(), ManualEditPolicy.RESTORE, refs);
                store.saveGroup(group);
                groups.add(group);
            }
        }

        private void initialSync() {
            clock.set(Workload.START);
            long emuBefore = emulator.counters().total();
            Map<CallKind, Long> tallyBefore = recorder.tally.snapshot();
            if (spec.push()) {
                receiver = new PushReceiver(options.seed());
                for (int u = 0; u < users.size(); u++) {
                    for (CalendarRef calendar : groups.get(u).calendars()) {
                        openChannel(u, calendar);
                    }
                }
            }
            parallel(u -> pass(u, SyncRequest.poll()));
            if (spec.push()) {
                for (SyncGroup group : groups) {
                    for (CalendarRef calendar : group.calendars()) {
                        expectedEchoes.merge(calendar.calendarId(), recorder.okWrites(calendar.calendarId()), Long::sum);
                    }
                }
                drain();
            }
            stats.addInitial(emulator.counters().total() - emuBefore, recorder.tally.since(tallyBefore));
            report(0);
        }

        // --- polling modes ---------------------------------------------------------------------------------------

        private void pollingDays() {
            List<Item> timeline = timeline(false);
            int next = 0;
            Instant end = Workload.START.plus(simulatedSpan(spec, options));
            for (Instant tick = Workload.START.plus(spec.pollInterval()); !tick.isAfter(end);
                 tick = tick.plus(spec.pollInterval())) {
                while (next < timeline.size() && timeline.get(next).at().isBefore(tick)) {
                    apply(timeline.get(next++));
                }
                clock.set(tick);
                Instant at = tick;
                parallel(u -> {
                    PassOutcome outcome = pass(u, SyncRequest.poll());
                    finish(u, outcome, at, groups.get(u).calendars().size());
                });
                for (SyncGroup group : groups) {
                    stats.boundLists += group.calendars().size();
                }
                stats.polls += users.size();
                report(Duration.between(Workload.START, tick).toSeconds());
            }
        }

        // --- push mode ---------------------------------------------------------------------------------------------

        private void pushDays() {
            List<Item> timeline = timeline(true);
            for (Item item : timeline) {
                flushDue(item.at());
                clock.set(item.at());
                if (item.safetyPoll()) {
                    safetyPoll(item.at());
                } else {
                    apply(item);
                    drain();
                }
                report(Duration.between(Workload.START, item.at()).toSeconds());
            }
            flushDue(Instant.MAX);
        }

        private void flushDue(Instant until) {
            while (true) {
                Burst due = null;
                int dueUser = -1;
                for (Map.Entry<Integer, Burst> e : bursts.entrySet()) {
                    Instant deadline = e.getValue().lastAt.plus(debounce);
                    if (!deadline.isAfter(until) && (due == null || deadline.isBefore(due.lastAt.plus(debounce)))) {
                        due = e.getValue();
                        dueUser = e.getKey();
                    }
                }
                if (due == null) {
                    return;
                }
                bursts.remove(dueUser);
                Instant deadline = due.lastAt.plus(debounce);
                if (deadline.isAfter(clock.instant())) {
                    clock.set(deadline);
                }
                Map<String, Long> before = writesOn(dueUser);
                PassOutcome outcome = pass(dueUser, new SyncRequest(Set.copyOf(due.calendars), false));
                stats.notifiedPasses++;
                stats.boundLists += due.calendars.size();
                finish(dueUser, outcome, clock.instant(), due.calendars.size());
                expectEchoes(dueUser, before);
                drain();
            }
        }

        private void safetyPoll(Instant at) {
            renewChannels(at);
            for (int u = 0; u < users.size(); u++) {
                // A burst still waiting for its debounce is read by the poll anyway.
                bursts.remove(u);
                Map<String, Long> before = writesOn(u);
                PassOutcome outcome = pass(u, SyncRequest.poll());
                stats.safetyPolls++;
                stats.boundSafety += groups.get(u).calendars().size();
                finish(u, outcome, at, groups.get(u).calendars().size());
                expectEchoes(u, before);
            }
            drain();
        }

        private void renewChannels(Instant at) {
            Instant horizon = at.plus(safetyPoll).plus(Duration.ofHours(1));
            for (Channel old : new ArrayList<>(channelOf.values())) {
                if (old.expiration != null && old.expiration.isBefore(horizon)) {
                    openChannel(old.user, old.calendar);
                    provider.stopChannel(old.calendar.accountId(), old.id, old.resourceId);
                    channels.remove(old.id);
                    stats.renewals++;
                    stats.boundRenewals += 2;
                }
            }
            drain();
        }

        private void openChannel(int u, CalendarRef calendar) {
            String id = "ch" + users.get(u).index() + "-" + groups.get(u).calendars().indexOf(calendar) + "-"
                    + (channelGeneration++);
            WatchChannel opened = provider.watch(calendar, id, receiver.address(), receiver.tokenFor(id),
                    channelTtl.toSeconds());
            Channel channel = new Channel(id, u, calendar, opened.resourceId(), opened.expiration());
            channels.put(id, channel);
            channelOf.put(calendar, channel);
        }

        private Map<String, Long> writesOn(int u) {
            Map<String, Long> writes = new HashMap<>();
            for (CalendarRef c : groups.get(u).calendars()) {
                writes.put(c.calendarId(), recorder.okWrites(c.calendarId()));
            }
            return writes;
        }

        /** Every successful write of ours changes its calendar once: one notification to absorb, not to list for. */
        private void expectEchoes(int u, Map<String, Long> before) {
            for (CalendarRef c : groups.get(u).calendars()) {
                long echoes = recorder.okWrites(c.calendarId()) - before.get(c.calendarId());
                if (echoes > 0) {
                    expectedEchoes.merge(c.calendarId(), echoes, Long::sum);
                }
            }
        }

        /** Waits for every notification sent so far, then sorts them into absorbed echoes and bursts to sync. */
        private void drain() {
            receiver.awaitAll(() -> emulator.notifications().sent());
            Set<String> echoCalendars = new LinkedHashSet<>();
            PushReceiver.Notification n;
            while ((n = receiver.poll()) != null) {
                stats.notifications++;
                if ("sync".equals(n.state())) {
                    stats.syncNotifications++;
                    continue;
                }
                Channel channel = channels.get(n.channelId());
                if (channel == null) {
                    stats.staleChannelNotifications++;
                    continue;
                }
                String calendarId = channel.calendar.calendarId();
                long expected = expectedEchoes.getOrDefault(calendarId, 0L);
                if (expected > 0) {
                    expectedEchoes.put(calendarId, expected - 1);
                    stats.echoNotifications++;
                    echoCalendars.add(calendarId);
                } else {
                    stats.userNotifications++;
                    bursts.computeIfAbsent(channel.user, k -> new Burst()).add(channel.calendar, clock.instant());
                }
            }
            // Without absorption each calendar that got only echoes would have cost one list.
            stats.echoListsAvoided += echoCalendars.size();
        }

        // --- changes, faults, passes ------------------------------------------------------------------------------

        private void apply(Item item) {
            clock.set(item.at());
            UserState st = state[item.user()];
            st.touched = true;
            if (item.change() != null) {
                Change c = item.change();
                if (c.body() == null) {
                    emulator.userDelete(c.calendarId(), c.eventId());
                } else if (c.insert()) {
                    emulator.userInsert(c.calendarId(), c.body().toJson());
                } else {
                    emulator.userUpdate(c.calendarId(), c.eventId(), c.body().toJson());
                }
                stats.changes++;
                stats.changesByKind.merge(c.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
                if (c.affectsBlocks()) {
                    stats.blockChanges++;
                    // Two edits of one event before the next pass need its blocks written once: the bound counts
                    // the events changed per pass, not the edits.
                    st.pendingEvents.add(c.calendarId() + "/" + c.eventId());
                    st.pendingSim.add(item.at());
                    st.pendingWall.add(System.nanoTime());
                }
            } else {
                Fault f = item.fault();
                if (f.kind() == Workload.FaultKind.TOKEN_EXPIRY) {
                    stats.tokenExpiries++;
                    store.expire(groups.get(item.user()).id(), new CalendarRef(f.accountId(), f.calendarId()));
                } else {
                    stats.rateLimitBursts++;
                    emulator.faults().failNext(rateLimitBurstSize, FaultType.RATE_LIMIT_EXCEEDED,
                            FaultScope.account(f.accountId()));
                }
            }
        }

        private PassOutcome pass(int u, SyncRequest request) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long calls = recorder.userCalls(u);
            GroupReport report = engine.sync(groups.get(u), request);
            PassOutcome outcome = new PassOutcome(report, recorder.userCalls(u) - calls, System.nanoTime() - wall,
                    THREADS.getCurrentThreadCpuTime() - cpu);
            stats.recordPass(outcome);
            return outcome;
        }

        /** After a day pass: propagation of the changes it picked up, the per-minute peak, idle-poll cost. */
        private void finish(int u, PassOutcome outcome, Instant passStart, int calendarsRead) {
            UserState st = state[u];
            long minute = passStart.getEpochSecond() / 60;
            if (minute != st.minute) {
                st.minute = minute;
                st.minuteCalls = 0;
            }
            st.minuteCalls += outcome.calls();
            stats.peak(st.minuteCalls);
            if (!st.touched) {
                stats.idle(outcome.calls(), calendarsRead);
            }
            st.touched = false;
            if (outcome.report().outcome() != GroupReport.Outcome.SYNCED) {
                stats.partialPasses.incrementAndGet();
                st.touched = true;
                return;
            }
            stats.changedEvents(st.pendingEvents.size(), users.get(u).targets());
            st.pendingEvents.clear();
            int resolved = 0;
            long nowWall = System.nanoTime();
            while (!st.pendingSim.isEmpty() && !st.pendingSim.peekFirst().isAfter(passStart)) {
                Instant changed = st.pendingSim.pollFirst();
                long changedWall = st.pendingWall.pollFirst();
                double simulated = Duration.between(changed, passStart).toMillis() / 1000.0 + outcome.wallNanos() / 1e9;
                stats.latency(simulated, spec.push() ? (nowWall - changedWall) / 1e9 : Double.NaN);
                resolved++;
            }
            if (resolved > 0 && outcome.report().writes() == 0) {
                stats.resolvedWithoutWrites.incrementAndGet();
            }
        }

        private List<Item> timeline(boolean withSafetyPolls) {
            List<Item> items = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                for (Change c : users.get(u).changes()) {
                    items.add(new Item(c.at(), u, c, null, false));
                }
                for (Fault f : users.get(u).faults()) {
                    items.add(new Item(f.at(), u, null, f, false));
                }
            }
            if (withSafetyPolls) {
                Instant end = Workload.START.plus(DAY.multipliedBy(options.days()));
                for (Instant t = Workload.START.plus(safetyPoll); !t.isAfter(end); t = t.plus(safetyPoll)) {
                    items.add(new Item(t, -1, null, null, true));
                }
            }
            items.sort(Comparator.comparing(Item::at).thenComparing(Item::safetyPoll).thenComparingInt(Item::user));
            return items;
        }

        private void parallel(java.util.function.IntConsumer work) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                int user = u;
                tasks.add(() -> {
                    work.accept(user);
                    return null;
                });
            }
            try {
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Progress in user-hours: the whole batch has got to {@code simulatedSeconds} (+1 for the initial sync). */
        private void report(long simulatedSeconds) {
            long done = (long) users.size() * (1 + simulatedSeconds / 3600);
            if (done > reported) {
                progress.add(done - reported);
                reported = done;
            }
        }

        @Override
        public void close() {
            long t = System.nanoTime();
            try {
                shutdown();
            } finally {
                stats.phase("teardown", t);
            }
        }

        private void shutdown() {
            if (receiver != null) {
                receiver.close();
            }
            emulator.close();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // closing anyway
            }
            dataSource.close();
        }
    }

    private static Map<String, Long> diff(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }

    record Item(Instant at, int user, Change change, Fault fault, boolean safetyPoll) {
    }

    record PassOutcome(GroupReport report, long calls, long wallNanos, long cpuNanos) {
    }

    record Channel(String id, int user, CalendarRef calendar, String resourceId, Instant expiration) {
    }

    static final class Burst {
        final Set<CalendarRef> calendars = new LinkedHashSet<>();
        Instant lastAt;

        void add(CalendarRef calendar, Instant at) {
            calendars.add(calendar);
            lastAt = at;
        }
    }

    static final class UserState {
        final ArrayDeque<Instant> pendingSim = new ArrayDeque<>();
        final ArrayDeque<Long> pendingWall = new ArrayDeque<>();
        final Set<String> pendingEvents = new LinkedHashSet<>();
        boolean touched;
        long minute = -1;
        long minuteCalls;
    }

    static Map<String, Long> kindMap(Map<CallKind, Long> byKind) {
        Map<String, Long> m = new TreeMap<>();
        new EnumMap<>(byKind).forEach((k, v) -> m.put(k.name().toLowerCase(Locale.ROOT), v));
        return m;
    }
}
