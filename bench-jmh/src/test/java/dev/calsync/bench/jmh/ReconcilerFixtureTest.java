package dev.calsync.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.bench.jmh.ReconcilerFixture.Known;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.reconcile.ProjectedBlocks;
import dev.calsync.core.reconcile.Reconciler;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The microbenchmark's scenarios are what they claim to be (this checks the fixture; it measures nothing). */
class ReconcilerFixtureTest {

    @Test
    void tenThousandSourcesMakeABlockOnEveryOtherCalendar() {
        for (int calendars : new int[] {3, 4}) {
            ReconcilerFixture fixture = new ReconcilerFixture(ReconcilerBenchmark.EVENTS, calendars, Known.EMPTY);
            assertThat(fixture.totalSourceEvents()).isEqualTo(10_000);
            ProjectedBlocks projected = fixture.project();
            // About 85 % timed + 3 % all-day + 1 % series + 1 % exception are busy and in the window.
            assertThat(projected.desired().size()).isBetween(8_900 * (calendars - 1), 9_100 * (calendars - 1));
            List<BlockOp> plan = Reconciler.plan(projected.desired(), fixture.known, projected.agedOut());
            assertThat(plan.size()).isEqualTo(projected.desired().size());
            assertThat(plan).allMatch(op -> op instanceof BlockOp.Insert || op instanceof BlockOp.Update);
        }
    }

    @Test
    void allKnownAndEqualPlansNothing() {
        ReconcilerFixture fixture = new ReconcilerFixture(ReconcilerBenchmark.EVENTS, 4, Known.EQUAL);
        ProjectedBlocks projected = fixture.project();
        assertThat(fixture.known.size()).isEqualTo(projected.desired().size());
        assertThat(Reconciler.plan(projected.desired(), fixture.known, projected.agedOut())).isEmpty();
    }

    @Test
    void fivePercentChangedPlansOneWritePerChangedEventAndTarget() {
        ReconcilerFixture fixture = new ReconcilerFixture(ReconcilerBenchmark.EVENTS, 4, Known.CHANGED_5PCT);
        assertThat(fixture.changedEvents).isEqualTo(500);
        ProjectedBlocks projected = fixture.project();
        List<BlockOp> plan = Reconciler.plan(projected.desired(), fixture.known, projected.agedOut());
        assertThat(plan.size()).isEqualTo(fixture.changedEvents * 3);
        Map<String, Long> kinds = plan.stream().collect(Collectors.groupingBy(op -> op.getClass().getSimpleName(),
                Collectors.counting()));
        assertThat(kinds).containsOnlyKeys("Insert", "Update", "Delete");
    }
}
