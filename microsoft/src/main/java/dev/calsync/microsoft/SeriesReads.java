package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Graph series as core sees a series: the master with RRULE lines, its exceptions (recurringEventId = the
 * master's id, originalStartTime from Graph's {@code originalStart}), and a cancelled entry for every occurrence
 * the rule places in the window that Graph no longer lists (Graph v1.0 has no list of deleted occurrences: they
 * just disappear from calendar views). Plain occurrences are left out: the master's lines stand for them.
 *
 * <p>Where the rule cannot be read here (a zone this adapter cannot map, a pattern Graph documents nowhere) or the
 * translation disagrees with Graph (an occurrence Graph lists that the lines do not place, checked on every
 * read), the series is read occurrence by occurrence instead: each one a single event, and the master's id
 * cancelled, so no block series follows lines that could be wrong. Blocks always read as series: calsync wrote
 * them from RRULE lines, which their {@link WrittenForm} keeps.
 */
final class SeriesReads {
    private final Recurrences recurrences;

    SeriesReads(Recurrences recurrences) {
        this.recurrences = recurrences;
    }

    /**
     * @param master    the series master, read with the block properties expanded
     * @param instances every occurrence and exception Graph lists in [from, to), properties expanded
     */
    List<SourceEvent> read(JsonNode master, List<JsonNode> instances, Instant from, Instant to)
            throws GraphEvents.MalformedEventException {
        Map<String, String> marker = BlockProperties.marker(master);
        WrittenForm written = marker.isEmpty() ? null : BlockProperties.written(master).orElse(WrittenForm.NONE);
        Optional<SourceEvent> read = GraphEvents.read(master, marker, written);
        Optional<GraphPattern> pattern = GraphPattern.read(master.path("recurrence"));
        if (read.isEmpty()) {
            return List.of();
        }
        SourceEvent masterEvent = read.get();
        Optional<ZoneId> zone = zoneOf(masterEvent, master, written);
        if (masterEvent.cancelled() || pattern.isEmpty() || zone.isEmpty()) {
            return standalone(masterEvent, instances, marker, written);
        }
        SourceEvent series = GraphEvents.with(masterEvent,
                lines(pattern.get(), masterEvent.start(), zone.get(), written), null, null);
        List<SourceEvent> events = new ArrayList<>();
        events.add(series);
        Set<Instant> listed = new HashSet<>();
        Instant earliest = from;
        Instant latest = to;
        for (JsonNode instance : instances) {
            Optional<SourceEvent> event = instanceOf(instance, marker, written);
            if (event.isEmpty() || event.get().originalStartTime() == null) {
                continue;
            }
            Instant original = event.get().originalStartTime().instant();
            listed.add(original);
            earliest = original.isBefore(earliest) ? original : earliest;
            latest = original.isAfter(latest) ? original.plusSeconds(1) : latest;
            if ("exception".equals(instance.path("type").asText())) {
                events.add(event.get());
            }
        }
        List<Occurrence> placed;
        try {
            placed = recurrences.between(series, earliest, latest);
        } catch (UnsupportedRecurrenceException e) {
            return marker.isEmpty() ? standalone(masterEvent, instances, marker, written) : events;
        }
        Set<Instant> expected = new HashSet<>();
        placed.forEach(occurrence -> expected.add(occurrence.originalStart().instant()));
        if (!expected.containsAll(listed)) {
            // The lines say something else than Graph does: trust Graph's own expansion.
            return marker.isEmpty() ? standalone(masterEvent, instances, marker, written) : events;
        }
        for (Occurrence occurrence : placed) {
            boolean inWindow = occurrence.end().instant().isAfter(from) && occurrence.start().instant().isBefore(to);
            if (inWindow && !listed.contains(occurrence.originalStart().instant())) {
                events.add(cancelledOccurrence(series, occurrence.originalStart()));
            }
        }
        return events;
    }

    /** Occurrences and exceptions as single events; the master's id cancelled, for a reader that had it. */
    private static List<SourceEvent> standalone(SourceEvent master, List<JsonNode> instances,
                                                Map<String, String> marker, WrittenForm written)
            throws GraphEvents.MalformedEventException {
        List<SourceEvent> events = new ArrayList<>();
        events.add(SourceEvent.cancelled(master.id()));
        for (JsonNode instance : instances) {
            Optional<SourceEvent> event = instanceOf(instance, marker, written);
            if (event.isPresent() && !event.get().cancelled()) {
                events.add(GraphEvents.with(event.get(), List.of(), null, null));
            }
        }
        return events;
    }

    /** An occurrence or exception; a block's carries its own properties or, where Graph gave none, the series'. */
    private static Optional<SourceEvent> instanceOf(JsonNode instance, Map<String, String> seriesMarker,
                                                    WrittenForm seriesWritten)
            throws GraphEvents.MalformedEventException {
        Map<String, String> own = BlockProperties.marker(instance);
        Map<String, String> marker = own.isEmpty() ? seriesMarker : own;
        WrittenForm written = marker.isEmpty() ? null : BlockProperties.written(instance)
                .map(WrittenForm::withoutRecurrence)
                .orElse(seriesWritten == null ? null : seriesWritten.withoutRecurrence());
        return GraphEvents.read(instance, marker, written);
    }

    /**
     * The lines a block was written with while Graph's pattern is still the one they make (so its echo matches
     * its body); else the translation of Graph's pattern.
     */
    private static List<String> lines(GraphPattern pattern, EventTime start, ZoneId zone, WrittenForm written) {
        if (written != null && !written.recurrence().isEmpty()
                && RecurrenceTranslation.toPattern(written.recurrence(), start, zone).equals(Optional.of(pattern))) {
            return written.recurrence();
        }
        return RecurrenceTranslation.toLines(pattern, start, zone);
    }

    /** The zone the series repeats in: where a block was written, else the master's own zone if it can be mapped. */
    private static Optional<ZoneId> zoneOf(SourceEvent master, JsonNode json, WrittenForm written) {
        if (master.start() instanceof EventTime.AllDay) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (written != null) {
            return Optional.of(written.startZone() == null ? ZoneOffset.UTC : ZoneId.of(written.startZone()));
        }
        return WindowsZones.ianaOf(json.path("originalStartTimeZone").asText(null)).map(ZoneId::of);
    }

    /** An occurrence Graph no longer lists: deleted (or declined and removed) from its series. */
    private static SourceEvent cancelledOccurrence(SourceEvent series, EventTime originalStart) {
        String id = new OccurrenceRef(series.id(), originalStart).key();
        return new SourceEvent(id, EventStatus.CANCELLED, null, null, false, null, null, List.of(), series.id(),
                originalStart, null, series.privateProperties(), null, null);
    }
}
