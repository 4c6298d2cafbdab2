package dev.calsync.recurrence;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A random RFC 5545 series for the differential property: a start written as a wall-clock time in a zone (what
 * {@code DTSTART;TZID=} says), one RRULE, RDATE/EXDATE lines as Google writes them, and a window to expand.
 * Occurrences last zero seconds, so both engines are compared on starts inside the open window (from, to).
 */
record RandomSeries(String zone, LocalDateTime start, String rule, List<String> dateLines, Instant from, Instant to) {

    static final DateTimeFormatter LOCAL_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    RandomSeries {
        dateLines = List.copyOf(dateLines);
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The start's instant by RFC 5545 §3.3.5: a skipped time is read with the offset before the gap. */
    Instant startInstant() {
        return start.atZone(zoneId()).toInstant();
    }

    boolean startInGap() {
        return zoneId().getRules().getValidOffsets(start).isEmpty();
    }

    /** @param written whether the start carries the wall-clock time the source wrote, or only its instant */
    SourceEvent sourceEvent(boolean written) {
        EventTime.Timed start = new EventTime.Timed(startInstant(), zone, written ? this.start : null);
        List<String> lines = new ArrayList<>();
        lines.add("RRULE:" + rule);
        lines.addAll(dateLines);
        return new SourceEvent("random", EventStatus.CONFIRMED, start, EventTime.at(startInstant(), zone), false,
                EventKind.DEFAULT, null, lines, null, null, "Random", Map.of(), null, null);
    }

    String icalendar() {
        String dtstart = zone.equals("UTC")
                ? "DTSTART:" + UTC_FORM.format(startInstant())
                : "DTSTART;TZID=" + zone + ":" + LOCAL_FORM.format(start);
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calsync//differential//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:random\r\nDTSTAMP:20260101T000000Z\r\n" + dtstart + "\r\nRRULE:" + rule + "\r\n");
        dateLines.forEach(line -> text.append(line).append("\r\n"));
        return text.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString();
    }

    @Override
    public String toString() {
        return "start " + start + " " + zone + " (" + startInstant() + "), RRULE:" + rule + " " + dateLines
                + ", window (" + from + ", " + to + ")";
    }
}
