package dev.calsync.bench.jmh;

import dev.calsync.bench.jmh.ReconcilerFixture.Known;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.reconcile.ProjectedBlocks;
import dev.calsync.core.reconcile.Reconciler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plan computation of one sync group with 10,000 source events: {@code Projection.of} (desired blocks from the
 * cached sources, recurrence expansion included) and {@code Reconciler.plan} (the diff against the known blocks),
 * as {@code SyncEngine} runs them on every pass that reads something new.
 *
 * <p>{@link #plan} is the whole computation; {@link #projectOnly} and {@link #reconcileOnly} split it. Run:
 * {@code java -jar bench-jmh/target/benchmarks.jar} (defaults: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement; add
 * {@code -prof gc} for allocation per plan).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReconcilerBenchmark {
    /** Source events in the group. */
    public static final int EVENTS = 10_000;

    @State(Scope.Benchmark)
    public static class PlanState {
        @Param({"3", "4"})
        public int calendars;

        @Param({"EMPTY", "EQUAL", "CHANGED_5PCT"})
        public Known known;

        ReconcilerFixture fixture;
        ProjectedBlocks projected;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new ReconcilerFixture(EVENTS, calendars, known);
            projected = fixture.project();
        }
    }

    @State(Scope.Benchmark)
    public static class ProjectState {
        @Param({"3", "4"})
        public int calendars;

        ReconcilerFixture fixture;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new ReconcilerFixture(EVENTS, calendars, Known.EQUAL);
        }
    }

    /** Projection + plan: what one pass computes before it writes. */
    @Benchmark
    public List<BlockOp> plan(PlanState s) {
        ProjectedBlocks p = s.fixture.project();
        return Reconciler.plan(p.desired(), s.fixture.known, p.agedOut());
    }

    /** The projection alone (independent of what is known). */
    @Benchmark
    public ProjectedBlocks projectOnly(ProjectState s) {
        return s.fixture.project();
    }

    /** The diff alone, on a projection computed once. */
    @Benchmark
    public List<BlockOp> reconcileOnly(PlanState s) {
        return Reconciler.plan(s.projected.desired(), s.fixture.known, s.projected.agedOut());
    }
}
