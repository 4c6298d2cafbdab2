package dev.calsync.bench;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the users' passes on the engine and accounts for each: its calls, times, the changes it propagated (and how
 * late), the per-minute peak and the cost of idle passes. Passes of different users may run at once; one user's
 * never do.
 */
final class MeasuredPasses {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SyncEngine engine;
    private final List<SyncGroup> groups;
    private final List<Workload.User> users;
    private final UserState[] state;
    private final CallRecorder recorder;
    private final Stats stats;
    private final boolean push;

    MeasuredPasses(SyncEngine engine, List<SyncGroup> groups, List<Workload.User> users, CallRecorder recorder,
                   Stats stats, boolean push) {
        this.engine = engine;
        this.groups = groups;
        this.users = users;
        this.recorder = recorder;
        this.stats = stats;
        this.push = push;
        this.state = new UserState[users.size()];
        for (int u = 0; u < state.length; u++) {
            state[u] = new UserState();
        }
    }

    UserState state(int user) {
        return state[user];
    }

    PassOutcome pass(int u, SyncRequest request) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long calls = recorder.userCalls(u);
        GroupReport report = engine.sync(groups.get(u), request);
        PassOutcome outcome = new PassOutcome(report, recorder.userCalls(u) - calls, System.nanoTime() - wall,
                THREADS.getCurrentThreadCpuTime() - cpu);
        stats.recordPass(outcome);
        return outcome;
    }

    /** A day pass: {@link #pass}, then propagation of the changes it picked up, the per-minute peak, idle cost. */
    void dayPass(int u, SyncRequest request, Instant passStart, int calendarsRead) {
        PassOutcome outcome = pass(u, request);
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
            stats.latency(simulated, push ? (nowWall - changedWall) / 1e9 : Double.NaN);
            resolved++;
        }
        if (resolved > 0 && outcome.report().writes() == 0) {
            stats.resolvedWithoutWrites.incrementAndGet();
        }
    }

    /** Changes made but never propagated by a pass. */
    long unpropagated() {
        long pending = 0;
        for (UserState st : state) {
            pending += st.pendingSim.size();
        }
        return pending;
    }
}
