package dev.calsync.core.rules;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Source events for the rules' tests. */
final class Events {
    static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private Events() {
    }

    static SourceEvent timed(String title) {
        return new SourceEvent("e1", EventStatus.CONFIRMED, EventTime.at(NINE, "UTC"),
                EventTime.at(NINE.plusSeconds(3600), "UTC"), false, EventKind.DEFAULT, null, List.of(), null, null,
                title, Map.of(), null, null);
    }

    static SourceEvent with(EventStatus status, EventKind kind, ResponseStatus response) {
        return new SourceEvent("e1", status, EventTime.at(NINE, "UTC"), EventTime.at(NINE.plusSeconds(3600), "UTC"),
                false, kind, response, List.of(), null, null, "x", Map.of(), null, null);
    }

    static SourceEvent allDay(boolean transparent) {
        LocalDate day = LocalDate.parse("2026-12-01");
        return new SourceEvent("e1", EventStatus.CONFIRMED, EventTime.on(day), EventTime.on(day.plusDays(1)),
                transparent, EventKind.DEFAULT, null, List.of(), null, null, "Holiday", Map.of(), null, null);
    }
}
