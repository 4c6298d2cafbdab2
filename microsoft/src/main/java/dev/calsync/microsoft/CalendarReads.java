package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a calendar through {@code calendarView/delta} over a fixed window, the window and Graph's deltaLink
 * being the token ({@link DeltaToken}).
 *
 * <p>A full read opens a new delta round over [timeMin, timeMin + span) and reads it to its deltaLink, then
 * takes the events themselves from a {@code calendarView} over the same window with the block properties
 * expanded (delta answers cannot carry them), and reads the master of every series listed. The view is read
 * after the round, so anything changed in between comes again in the next round; nothing is missed.
 *
 * <p>A change read follows the stored deltaLink. A changed single event that could be a block takes its
 * properties from one listing of the calendar's blocks ({@code $filter} on the marker); a changed occurrence or
 * exception has its whole series read again (master and instances over the window), so deleted occurrences and
 * exceptions stay right. {@code @removed} items, also those outside the window, come as cancelled ids; since a
 * removed occurrence names no series, a round with removals also lists the window's occurrences (two fields
 * each) and reads again the series whose {@link SeriesDigest} changed. A token
 * Graph refuses (410 syncStateNotFound), one this adapter did not write, or one whose window ends less than
 * {@code horizon} from now asks for a full read: that is how the window moves.
 */
final class CalendarReads {
    private final GraphHttp http;
    private final GraphPages pages;
    private final SeriesReads series;
    private final Duration span;
    private final Duration horizon;
    private final Clock clock;

    CalendarReads(GraphHttp http, SeriesReads series, Duration span, Duration horizon, Clock clock) {
        this.http = http;
        this.pages = new GraphPages(http);
        this.series = series;
        this.span = span;
        this.horizon = horizon;
        this.clock = clock;
    }

    ChangeSet full(CalendarRef calendar, Instant timeMin) {
        Instant from = timeMin.truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(span);
        String view = "me/calendars/" + GraphRequest.encode(calendar.calendarId()) + "/calendarView";
        GraphPages.Read round = pages.all(calendar, CallKind.LIST, GraphRequest.get(GraphRequest.path(view + "/delta",
                "startDateTime", from.toString(), "endDateTime", to.toString())), true);
        if (round.refusal() != null) {
            // A round opened a moment ago cannot have expired; a later pass starts over.
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 410, round.refusal(),
                    GraphFailures.describe(calendar, CallKind.LIST) + ": a new delta round was refused");
        }
        List<JsonNode> listed = pages.all(calendar, CallKind.LIST, GraphRequest.get(GraphRequest.path(view,
                "startDateTime", from.toString(), "endDateTime", to.toString(),
                "$expand", BlockProperties.EXPAND)), false).items();
        Assembly assembly = new Assembly(calendar, from, to, Map.of());
        Map<String, List<JsonNode>> bySeries = new LinkedHashMap<>();
        for (JsonNode item : latestById(listed).values()) {
            String master = item.path("seriesMasterId").asText("");
            if (master.isBlank()) {
                assembly.single(item, item);
            } else {
                bySeries.computeIfAbsent(master, id -> new ArrayList<>()).add(item);
            }
        }
        for (Map.Entry<String, List<JsonNode>> entry : bySeries.entrySet()) {
            assembly.series(entry.getKey(), entry::getValue);
        }
        return new ChangeSet(assembly.events, new DeltaToken(from, to, round.deltaLink(), assembly.digests).encode(),
                true);
    }

    ListOutcome since(CalendarRef calendar, String token) {
        Optional<DeltaToken> stored = DeltaToken.decode(token);
        if (stored.isEmpty()) {
            return new ListOutcome.FullSyncRequired("not a token of the Microsoft adapter");
        }
        DeltaToken delta = stored.get();
        if (clock.instant().plus(horizon).isAfter(delta.windowEnd())) {
            return new ListOutcome.FullSyncRequired("window moved");
        }
        GraphPages.Read round = pages.all(calendar, CallKind.LIST, GraphRequest.get(delta.deltaLink()), true);
        if (round.refusal() != null) {
            return new ListOutcome.FullSyncRequired(round.refusal());
        }
        Assembly assembly = new Assembly(calendar, delta.windowStart(), delta.windowEnd(), delta.series());
        Map<String, JsonNode> blocks = null;
        Set<String> touchedSeries = new LinkedHashSet<>();
        boolean removals = false;
        for (JsonNode item : latestById(round.items()).values()) {
            String id = item.path("id").asText("");
            String master = item.path("seriesMasterId").asText("");
            if (item.has("@removed")) {
                assembly.events.add(SourceEvent.cancelled(id));
                removals = true;
            } else if (!master.isBlank()) {
                touchedSeries.add(master);
            } else {
                blocks = blocks != null ? blocks : blocks(calendar);
                assembly.single(item, blocks.get(id));
            }
        }
        if (removals && !delta.series().isEmpty()) {
            touchedSeries.addAll(seriesThatLostOccurrences(calendar, delta));
        }
        for (String master : touchedSeries) {
            assembly.series(master, () -> instances(calendar, master, delta.windowStart(), delta.windowEnd()));
        }
        return new ListOutcome.Changes(new ChangeSet(assembly.events, new DeltaToken(delta.windowStart(),
                delta.windowEnd(), round.deltaLink(), assembly.digests).encode(), false));
    }

    /**
     * The series of the token whose listed occurrences are not the ones it remembers: one view of the window with
     * two fields per item, where reading every series again would cost two calls each.
     */
    private List<String> seriesThatLostOccurrences(CalendarRef calendar, DeltaToken delta) {
        GraphRequest request = GraphRequest.get(GraphRequest.path("me/calendars/"
                        + GraphRequest.encode(calendar.calendarId()) + "/calendarView",
                "startDateTime", delta.windowStart().toString(), "endDateTime", delta.windowEnd().toString(),
                "$select", "seriesMasterId,originalStart"));
        Map<String, List<JsonNode>> present = new HashMap<>();
        for (JsonNode item : pages.all(calendar, CallKind.LIST, request, false).items()) {
            present.computeIfAbsent(item.path("seriesMasterId").asText(""), id -> new ArrayList<>()).add(item);
        }
        return delta.series().entrySet().stream()
                .filter(known -> !SeriesDigest.of(present.getOrDefault(known.getKey(), List.of()))
                        .equals(known.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** Turns read items into core's events, reading series masters as needed. */
    private final class Assembly {
        final List<SourceEvent> events = new ArrayList<>();
        /** For the next token: the series read as series, with what Graph listed of them. */
        final Map<String, String> digests;
        private final CalendarRef calendar;
        private final Instant from;
        private final Instant to;

        Assembly(CalendarRef calendar, Instant from, Instant to, Map<String, String> digests) {
            this.calendar = calendar;
            this.from = from;
            this.to = to;
            this.digests = new HashMap<>(digests);
        }

        /** @param properties the same event as read with the block properties expanded, or null if it has none */
        void single(JsonNode item, JsonNode properties) {
            Map<String, String> marker = properties == null ? Map.of() : BlockProperties.marker(properties);
            WrittenForm written = marker.isEmpty() ? null
                    : BlockProperties.written(properties).orElse(WrittenForm.NONE);
            try {
                GraphEvents.read(item, marker, written).ifPresent(events::add);
            } catch (GraphEvents.MalformedEventException e) {
                throw GraphFailures.malformed(calendar, CallKind.LIST, e.getMessage());
            }
        }

        void series(String masterId, Supplier<List<JsonNode>> instances) {
            Optional<JsonNode> master = master(calendar, masterId);
            if (master.isEmpty()) {
                events.add(SourceEvent.cancelled(masterId)); // deleted since its occurrences were listed
                digests.remove(masterId);
                return;
            }
            try {
                List<JsonNode> listed = instances.get();
                List<SourceEvent> read = series.read(master.get(), listed, from, to);
                events.addAll(read);
                if (read.stream().anyMatch(event -> event.id().equals(masterId) && event.isSeries())) {
                    digests.put(masterId, SeriesDigest.of(listed));
                } else {
                    digests.remove(masterId); // read occurrence by occurrence: removals name their own ids
                }
            } catch (GraphEvents.MalformedEventException e) {
                throw GraphFailures.malformed(calendar, CallKind.GET, e.getMessage());
            }
        }
    }

    /** The series master with its block properties; empty when it is gone. */
    private Optional<JsonNode> master(CalendarRef calendar, String masterId) {
        GraphAnswer answer = http.send(calendar, CallKind.GET, GraphRequest.get(GraphRequest.path(
                "me/events/" + GraphRequest.encode(masterId), "$expand", BlockProperties.EXPAND)), Set.of(404));
        return answer.ok() ? Optional.of(answer.json()) : Optional.empty();
    }

    /** Every occurrence and exception of a series in the window, block properties expanded. */
    private List<JsonNode> instances(CalendarRef calendar, String masterId, Instant from, Instant to) {
        return pages.all(calendar, CallKind.INSTANCES, SeriesInstances.request(masterId, from, to), false).items();
    }

    /** This calendar's blocks (singles and series masters), by Graph id, with their properties. */
    private Map<String, JsonNode> blocks(CalendarRef calendar) {
        GraphRequest request = GraphRequest.get(GraphRequest.path("me/calendars/"
                        + GraphRequest.encode(calendar.calendarId()) + "/events",
                "$filter", BlockProperties.ALL_BLOCKS, "$expand", BlockProperties.EXPAND));
        return latestById(pages.all(calendar, CallKind.LIST, request, false).items());
    }

    /** Graph may repeat an item within a round; the last one it sent is the newest. */
    private static Map<String, JsonNode> latestById(List<JsonNode> items) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String id = item.path("id").asText("");
            if (!id.isBlank()) {
                byId.remove(id);
                byId.put(id, item);
            }
        }
        return byId;
    }
}
