package dev.calsync.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurringProjectionTest {
    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final CalendarRef A = new CalendarRef("a", "a@x");
    private static final CalendarRef B = new CalendarRef("b", "b@x");
    private static final SyncGroup GROUP = new SyncGroup("g", null, null, new Window(30, 90), null, null, List.of(A, B));

    private static SourceEvent series(Instant start, String rule) {
        return new SourceEvent("s", EventStatus.CONFIRMED, EventTime.at(start, "Europe/Berlin"),
                EventTime.at(start.plusSeconds(3600), "Europe/Berlin"), false, null, null, List.of(rule), null, null,
                "s", Map.of(), null, null);
    }

    private static SourceEvent moved(Instant original, Instant to) {
        return new SourceEvent("s_" + original.getEpochSecond(), EventStatus.CONFIRMED, EventTime.at(to, "UTC"),
                EventTime.at(to.plusSeconds(3600), "UTC"), false, null, null, List.of(), "s",
                EventTime.at(original, "UTC"), "x", Map.of(), null, null);
    }

    private static ProjectedBlocks project(SourceEvent... events) {
        return Projection.of(GROUP, Map.of(A, List.of(events)), NOW, new WeeklyRecurrences());
    }

    @Test
    void anExceptionOfAnOccurrenceOverridesTheBlockInstance() {
        Instant start = NOW.minus(Duration.ofDays(14));
        ProjectedBlocks projected = project(series(start, "RRULE:FREQ=WEEKLY"),
                moved(start.plus(Duration.ofDays(21)), NOW.plus(Duration.ofDays(8))));
        assertThat(projected.desired()).extracting(DesiredBlock::isInstance).containsExactlyInAnyOrder(false, true);
    }

    @Test
    void anExceptionThatNamesNoOccurrenceAnyMoreStandsAloneAndCancelsTheOldInstance() {
        Instant start = NOW.minus(Duration.ofDays(14));
        // the series moved by an hour after the exception was made
        ProjectedBlocks projected = project(series(start.plusSeconds(3600), "RRULE:FREQ=WEEKLY"),
                moved(start.plus(Duration.ofDays(21)), NOW.plus(Duration.ofDays(8))));
        assertThat(projected.desired()).hasSize(3);
        assertThat(projected.desired()).filteredOn(DesiredBlock::isInstance).singleElement()
                .satisfies(b -> assertThat(b.body().cancelled()).isTrue());
        assertThat(projected.desired()).filteredOn(b -> !b.isInstance() && b.sourceEventId().startsWith("s_")).hasSize(1);
    }

    @Test
    void exceptionsOutsideTheWindowAreIgnored() {
        Instant start = NOW.minus(Duration.ofDays(70));
        ProjectedBlocks projected = project(series(start, "RRULE:FREQ=WEEKLY"),
                moved(start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(8))),
                moved(start.plus(Duration.ofDays(7 * 25)), start.plus(Duration.ofDays(7 * 25 + 1))));
        assertThat(projected.desired()).singleElement().satisfies(b -> assertThat(b.isInstance()).isFalse());
    }

    @Test
    void aSeriesCutShortBeforeTheWindowCorrectsItsBlockButIsNeverWrittenAnew() {
        SourceEvent ended = series(NOW.minus(Duration.ofDays(70)), "RRULE:FREQ=WEEKLY;COUNT=3");
        ProjectedBlocks projected = project(ended);
        DesiredBlock block = projected.desired().get(0);
        assertThat(projected.agedOut()).contains(new SourceKey(A.key(), "s"));
        assertThat(Reconciler.plan(projected.desired(), List.of(), projected.agedOut())).isEmpty();

        KnownBlock stale = block.known(BlockState.SYNCED).withContentHash("old-rule");
        assertThat(Reconciler.plan(projected.desired(), List.of(stale), projected.agedOut()))
                .singleElement().isInstanceOf(BlockOp.Update.class);
        assertThat(Reconciler.plan(projected.desired(), List.of(block.known(BlockState.SYNCED)), projected.agedOut()))
                .singleElement().isInstanceOf(BlockOp.Forget.class);
    }

    @Test
    void aSeriesTheExpanderCannotReadIsMirroredVerbatimNotDropped() {
        Instant start = NOW.minus(Duration.ofDays(14));
        ProjectedBlocks projected = project(series(start, "RRULE:FREQ=WEEKLY;X-ODD=1"),
                moved(start.plus(Duration.ofDays(21)), NOW.plus(Duration.ofDays(8))));
        assertThat(projected.desired()).hasSize(2);
        assertThat(projected.desired()).filteredOn(b -> !b.isInstance()).singleElement()
                .satisfies(b -> assertThat(b.body().recurrence()).containsExactly("RRULE:FREQ=WEEKLY;X-ODD=1"));
    }

    @Test
    void anOverrideOfASeriesThatBecameASingleEventIsDeletedNotReset() {
        Instant start = NOW.plus(Duration.ofDays(2));
        SourceEvent single = new SourceEvent("s", EventStatus.CONFIRMED, EventTime.at(start, "UTC"),
                EventTime.at(start.plusSeconds(3600), "UTC"), false, null, null, List.of(), null, null, "s", Map.of(), null, null);
        ProjectedBlocks projected = project(single);
        DesiredBlock block = projected.desired().get(0);
        KnownBlock override = new KnownBlock("g", B, block.blockId() + "_20300310T090000Z", A.key(), "s_1", "h",
                BlockState.SYNCED);
        assertThat(Reconciler.plan(projected.desired(), List.of(block.known(BlockState.SYNCED), override),
                projected.agedOut())).singleElement().isInstanceOf(BlockOp.Delete.class);
    }
}
