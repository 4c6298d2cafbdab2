package dev.calsync.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.sync.Verifier;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.push.ConfirmingEchoLedger;
import dev.calsync.push.EchoingProvider;
import dev.calsync.push.PushTiming;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.PushChannelStore;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One batch of users in one mode: a fresh emulator ({@link CalendarFace}: Google, or Graph in {@code microsoft15m}),
 * database, provider and engine on a fresh simulated clock; seeded, synced once, then its simulated days replayed
 * ({@link PollingDays} or {@link PushDays}) and verified.
 */
final class Batch implements AutoCloseable {

    /** What a batch is to simulate, beyond its users. */
    record Plan(ModeSpec spec, BenchOptions options, Duration span, PushTiming push, int rateLimitBurstSize,
                Supplier<Recurrences> recurrences, boolean echoConfirmation) {
    }

    final Plan plan;
    final Stats stats;
    final BenchClock clock = new BenchClock(Workload.START.minus(Duration.ofHours(1)));
    final List<User> users = new ArrayList<>();
    final List<SyncGroup> groups = new ArrayList<>();
    final CalendarFace face;
    final HikariDataSource dataSource;
    final ExpiringTokenStore store;
    final PushChannelStore channels;
    /** With push: the echo ledger the writes and the intake share, confirming windows of merging channels. */
    final ConfirmingEchoLedger echoes;
    /** The echo windows' closes, scheduled by {@link #echoes} (none without echo confirmation). */
    final SimulatedEchoCloses echoCloses = new SimulatedEchoCloses();
    final CallRecorder recorder;
    /** CPU the engine's threads spend inside provider calls, and of it in the emulator. */
    final CallCpu callCpu = new CallCpu();
    final CalendarProvider provider;
    final MeasuredPasses passes;
    final WorkloadReplay replay;
    private final Verifier verifier;
    private final ExecutorService pool;
    private final ModeProgress progress;
    private final AtomicLong backoffMillis = new AtomicLong();
    private long reported;

    Batch(Plan plan, int from, int to, Stats stats, ExecutorService pool, ModeProgress progress) {
        this.plan = plan;
        this.stats = stats;
        this.pool = pool;
        this.progress = progress;
        Map<String, String> tokens = new HashMap<>();
        Map<String, Integer> userOfCalendar = new HashMap<>();
        Map<String, Integer> userOfAccount = new HashMap<>();
        for (int i = from; i < to; i++) {
            User user = Workload.user(plan.options(), i);
            users.add(user);
            user.accounts().forEach(a -> {
                tokens.put(a.id(), a.token());
                userOfAccount.put(a.id(), users.size() - 1);
            });
            user.calendars().forEach(c -> userOfCalendar.put(c.calendarId(), users.size() - 1));
        }
        ModeSpec spec = plan.spec();
        face = spec.microsoft() ? new GraphFace(clock) : new GoogleFace(clock);
        dataSource = Databases.open("jdbc:h2:mem:bench-" + spec.key() + "-" + from + "-" + System.nanoTime(), "sa", "");
        store = new ExpiringTokenStore(new JdbcSyncStore(dataSource, clock));
        channels = new PushChannelStore(dataSource, clock);
        recorder = new CallRecorder(userOfCalendar, userOfAccount, users.size());
        provider = face.provider(tokens, recorder, delay -> backoffMillis.addAndGet(delay.toMillis()),
                plan.options().seed(), callCpu);
        CalendarProvider verifyingProvider = face.provider(tokens, CallListener.NONE, delay -> { },
                plan.options().seed(), new CallCpu());
        // As in the service: with push on, every block write announces its echo in the shared ledger first.
        echoes = spec.push()
                ? new ConfirmingEchoLedger(channels, plan.echoConfirmation() ? echoCloses : (window, at) -> { })
                : null;
        CalendarProvider timed = new TimedProvider(provider, callCpu);
        CalendarProvider writes = spec.push() ? new EchoingProvider(timed, echoes, plan.push().echoWindow()) : timed;
        Recurrences series = plan.recurrences().get();
        SyncEngine engine = new SyncEngine(writes, store, series, clock, "bench-" + spec.key(), Duration.ofMinutes(5));
        verifier = new Verifier(verifyingProvider, store, series, clock);
        passes = new MeasuredPasses(engine, groups, users, recorder, stats, spec.push());
        replay = new WorkloadReplay(users, groups, face, store, passes, stats, plan.rateLimitBurstSize());
    }

    void run() {
        long t = System.nanoTime();
        seed();
        t = stats.phase("seed", t);
        try (PushDays push = plan.spec().push() ? new PushDays(this) : null) {
            initialSync(push);
            t = stats.phase("initialSync", t);
            long emuAfterInitial = face.totalCalls();
            Map<String, Long> emuKindsAfterInitial = face.callsByKind();
            Map<CallKind, Long> tallyAfterInitial = recorder.tally.snapshot();
            long tallyTotalAfterInitial = recorder.tally.total();
            Map<String, Long> outcomesAfterInitial = recorder.byKindAndOutcome();
            if (push != null) {
                push.run();
            } else {
                new PollingDays(this).run();
            }
            t = stats.phase("days", t);
            long emuDay = face.totalCalls() - emuAfterInitial;
            long tallyDay = recorder.tally.total() - tallyTotalAfterInitial;
            Map<String, Long> emuKinds = diff(face.callsByKind(), emuKindsAfterInitial);
            Map<String, Long> tallyKinds = new TreeMap<>();
            recorder.tally.since(tallyAfterInitial)
                    .forEach((k, v) -> tallyKinds.put(k.name().toLowerCase(Locale.ROOT), v));
            stats.addDay(emuDay, tallyDay, emuKinds, tallyKinds,
                    diff(recorder.byKindAndOutcome(), outcomesAfterInitial), backoffMillis.get());
        }
        stats.unpropagated += passes.unpropagated();
        stats.callCpuNanos += callCpu.callNanos.sum();
        stats.emulatorCpuNanos += callCpu.emulatorNanos.sum();
        for (SyncGroup group : groups) {
            stats.verify(verifier.verify(group));
        }
        t = stats.phase("verify", t);
        // What the batch holds (emulator, in-memory database, engine) once garbage is gone.
        System.gc();
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        stats.retainedHeapBytes = Math.max(stats.retainedHeapBytes, heap.getUsed());
        stats.phase("gc", t);
    }

    private void seed() {
        for (User user : users) {
            List<CalendarRef> refs = face.seed(user);
            SyncGroup group = new SyncGroup("g" + user.index(), "user" + user.index(), "Busy", Window.DEFAULT,
                    plan.spec().syncMode(), ManualEditPolicy.RESTORE, refs);
            store.saveGroup(group);
            groups.add(group);
        }
    }

    /** With push, the channels are opened first, and the echoes of the first writes are absorbed after. */
    private void initialSync(PushDays push) {
        clock.set(Workload.START);
        long emuBefore = face.totalCalls();
        Map<CallKind, Long> tallyBefore = recorder.tally.snapshot();
        if (push != null) {
            push.openChannels();
        }
        parallel(u -> passes.pass(u, SyncRequest.poll()));
        if (push != null) {
            push.drain();
        }
        stats.addInitial(face.totalCalls() - emuBefore, recorder.tally.since(tallyBefore));
        report(0);
    }

    /** The end of the simulated days. */
    Instant end() {
        return Workload.START.plus(plan.span());
    }

    /** Runs {@code work} for every user on the worker pool and waits for all of them. */
    void parallel(IntConsumer work) {
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

    /** Progress in user-hours: the whole batch has got to {@code at} (+1 for the initial sync). */
    void report(Instant at) {
        report(Duration.between(Workload.START, at).toSeconds());
    }

    private void report(long simulatedSeconds) {
        long done = (long) users.size() * (1 + simulatedSeconds / 3600);
        if (done > reported) {
            progress.add(done - reported);
            reported = done;
        }
    }

    /** The Google face and adapter, which push runs on. */
    GoogleFace google() {
        if (face instanceof GoogleFace google) {
            return google;
        }
        throw new IllegalStateException("push runs on Google only, not in mode " + plan.spec().key());
    }

    GoogleCalendarProvider googleProvider() {
        google();
        return (GoogleCalendarProvider) provider;
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

    @Override
    public void close() {
        long t = System.nanoTime();
        try {
            face.close();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // closing anyway
            }
            dataSource.close();
        } finally {
            stats.phase("teardown", t);
        }
    }
}
