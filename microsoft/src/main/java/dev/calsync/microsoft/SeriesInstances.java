package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.provider.CallKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The occurrences of a series master ({@code /me/events/{id}/instances}), and the one of them an original start
 * names. Graph lists instances by where they are now, so one moved far from its place is found by a second,
 * wider look.
 */
final class SeriesInstances {
    /** Around the original start: an occurrence in place, or moved within a couple of days. */
    private static final Duration NEAR = Duration.ofDays(2);
    /** Anywhere within a year of it: an exception moved far. */
    private static final Duration FAR = Duration.ofDays(366);
    /** Not a series (400 ErrorInvalidRequest), not an id of Graph's (400 malformed), or gone (404). */
    private static final Set<Integer> NO_SERIES = Set.of(400, 404);

    private final GraphPages pages;

    SeriesInstances(GraphPages pages) {
        this.pages = pages;
    }

    static GraphRequest request(String masterId, Instant from, Instant to) {
        return GraphRequest.get(GraphRequest.path("me/events/" + GraphRequest.encode(masterId) + "/instances",
                "startDateTime", from.toString(), "endDateTime", to.toString(), "$expand", BlockProperties.EXPAND));
    }

    /** The occurrence or exception of the series at {@code originalStart}; empty when it has none (any more). */
    Optional<JsonNode> find(CalendarRef calendar, String masterId, EventTime originalStart) {
        Instant at = originalStart.instant();
        for (Duration reach : List.of(NEAR, FAR)) {
            GraphPages.Read read = pages.all(calendar, CallKind.INSTANCES,
                    request(masterId, at.minus(reach), at.plus(reach)), false, NO_SERIES);
            if (read.refusal() != null) {
                return Optional.empty();
            }
            for (JsonNode instance : read.items()) {
                if (at.equals(GraphTimes.instant(instance.path("originalStart").asText(null)))) {
                    return Optional.of(instance);
                }
            }
        }
        return Optional.empty();
    }
}
