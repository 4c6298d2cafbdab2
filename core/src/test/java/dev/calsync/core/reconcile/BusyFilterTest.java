package dev.calsync.core.reconcile;

import dev.calsync.core.event.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusyFilterTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private static SourceEvent event(EventStatus status, boolean transparent, EventKind type, ResponseStatus response,
                                     Map<String, String> props) {
        return new SourceEvent("e1", status, EventTime.at(START, "UTC"), EventTime.at(START.plusSeconds(3600), "UTC"),
                transparent, type, response, List.of(), null, null, "x", props, null, null);
    }

    @Test
    void anOrdinaryConfirmedEventIsBusy() {
        assertThat(BusyFilter.isBusy(event(EventStatus.CONFIRMED, false, EventKind.DEFAULT, null, Map.of()))).isTrue();
        assertThat(BusyFilter.isBusy(event(EventStatus.TENTATIVE, false, EventKind.OUT_OF_OFFICE, ResponseStatus.ACCEPTED,
                Map.of()))).isTrue();
    }

    @Test
    void cancelledTransparentDeclinedWorkingLocationAndBirthdayAreNotBusy() {
        assertThat(BusyFilter.whyNotBusy(event(EventStatus.CANCELLED, false, EventKind.DEFAULT, null, Map.of())))
                .contains("cancelled");
        assertThat(BusyFilter.whyNotBusy(event(EventStatus.CONFIRMED, true, EventKind.DEFAULT, null, Map.of())))
                .contains("shown as free");
        assertThat(BusyFilter.whyNotBusy(event(EventStatus.CONFIRMED, false, EventKind.DEFAULT, ResponseStatus.DECLINED,
                Map.of()))).contains("declined");
        assertThat(BusyFilter.isBusy(event(EventStatus.CONFIRMED, false, EventKind.WORKING_LOCATION, null, Map.of()))).isFalse();
        assertThat(BusyFilter.isBusy(event(EventStatus.CONFIRMED, false, EventKind.BIRTHDAY, null, Map.of()))).isFalse();
    }

    @Test
    void blocksOfAnyGroupAreNeverSources() {
        var marker = BlockMarker.of("someone-else", new CalendarRef("a", "b"), "src").properties();
        assertThat(BusyFilter.whyNotBusy(event(EventStatus.CONFIRMED, false, EventKind.DEFAULT, null, marker)))
                .contains("calsync block");
    }
}
