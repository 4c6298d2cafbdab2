package dev.calsync.recurrence;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Test fixtures: series as a provider reports them, and readable views of occurrences. */
final class Series {

    private Series() {
    }

    /** A timed series starting at the given local time in {@code zone}. */
    static SourceEvent timed(String zone, String localStart, Duration duration, String... lines) {
        Instant start = LocalDateTime.parse(localStart).atZone(ZoneId.of(zone)).toInstant();
        return timed(EventTime.at(start, zone), EventTime.at(start.plus(duration), zone), lines);
    }

    static SourceEvent timed(EventTime start, EventTime end, String... lines) {
        return new SourceEvent("series1", EventStatus.CONFIRMED, start, end, false, EventKind.DEFAULT, null, List.of(lines),
                null, null, "Standup", Map.of(), null, null);
    }

    static SourceEvent allDay(String date, int days, String... lines) {
        LocalDate start = LocalDate.parse(date);
        return timed(EventTime.on(start), EventTime.on(start.plusDays(days)), lines);
    }

    static Instant at(String zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    static Instant utc(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** Occurrence starts as local date-times in {@code zone}, e.g. "2026-03-30T09:00". */
    static List<String> localStarts(List<Occurrence> occurrences, String zone) {
        return occurrences.stream()
                .map(o -> LocalDateTime.ofInstant(o.start().instant(), ZoneId.of(zone)).toString())
                .toList();
    }

    static List<Instant> starts(List<Occurrence> occurrences) {
        return occurrences.stream().map(o -> o.start().instant()).toList();
    }

    static List<String> dates(List<Occurrence> occurrences) {
        return occurrences.stream().map(o -> ((EventTime.AllDay) o.start()).date().toString()).toList();
    }

    static Duration length(Occurrence occurrence) {
        return Duration.between(occurrence.start().instant(), occurrence.end().instant());
    }
}
