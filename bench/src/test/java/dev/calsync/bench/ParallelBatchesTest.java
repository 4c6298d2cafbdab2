package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batches share nothing: simulating them at once changes how long a run takes, never what it counts. */
class ParallelBatchesTest {

    @Test
    void twoBatchesAtOnceCountExactlyWhatOneBatchCounts() {
        BenchOptions options = new BenchOptions(4, 1, 5L, 20.0, 0.0, 0.0,
                Set.of(BenchOptions.INCREMENTAL_15M, BenchOptions.PUSH));
        BenchResult together = new Benchmark().batchSize(4).parallelBatches(1).run(options, ProgressListener.NONE);
        BenchResult parallel = new Benchmark().batchSize(2).parallelBatches(2).run(options, ProgressListener.NONE);

        assertThat(parallel.parallelBatches()).isEqualTo(2);
        for (String mode : options.orderedModes()) {
            ModeResult a = together.mode(mode);
            ModeResult b = parallel.mode(mode);
            assertThat(b.verifyConsistent()).as(mode).isTrue();
            assertThat(b.users()).isEqualTo(4);
            assertThat(b.calls()).as(mode).isEqualTo(a.calls());
            assertThat(b.lowerBound()).as(mode).isEqualTo(a.lowerBound());
            assertThat(b.details().get("callsByKind")).as(mode).isEqualTo(a.details().get("callsByKind"));
            assertThat(b.details().get("initialCalls")).as(mode).isEqualTo(a.details().get("initialCalls"));
            assertThat(b.details().get("propagationSamples")).as(mode).isEqualTo(a.details().get("propagationSamples"));
            assertThat(b.details().get("groupsVerified")).as(mode).isEqualTo(4L);
            assertThat(b.details().get("parallelBatches")).as(mode).isEqualTo(2);
        }
        assertThat(parallel.mode(BenchOptions.PUSH).details().get("push"))
                .isEqualTo(together.mode(BenchOptions.PUSH).details().get("push"));
    }
}
