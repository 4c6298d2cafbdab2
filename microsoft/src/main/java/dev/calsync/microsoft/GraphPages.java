package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Graph collection to its end: every {@code @odata.nextLink} followed, and for a delta round the final
 * {@code @odata.deltaLink}. Refuses to conclude anything from an answer that cannot be complete (a delta page
 * with neither link, a link seen before, more pages than any calendar has), so nothing is deleted on a broken
 * answer.
 */
final class GraphPages {
    /** 1000 items a page: Graph's largest page for calendar views and events, so fewer calls. */
    static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 10_000;

    /**
     * Every item of the collection; {@code deltaLink} is null for a collection that is not a delta round, and
     * {@code refusal} names why Graph refused the collection with one of the statuses the caller handles (410
     * for a delta round it no longer knows, …), else null.
     */
    record Read(List<JsonNode> items, String deltaLink, String refusal) {
    }

    private final GraphHttp http;

    GraphPages(GraphHttp http) {
        this.http = http;
    }

    Read all(CalendarRef calendar, CallKind kind, GraphRequest first, boolean delta) {
        return all(calendar, kind, first, delta, delta ? Set.of(410) : Set.of());
    }

    /** @param refusals statuses that end the read with a {@link Read#refusal()} instead of an exception */
    Read all(CalendarRef calendar, CallKind kind, GraphRequest first, boolean delta, Set<Integer> refusals) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        GraphRequest request = first.pagesOf(PAGE_SIZE);
        for (int pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
            GraphAnswer answer = http.send(calendar, kind, request, refusals);
            if (!answer.ok()) {
                // For delta: syncStateNotFound, or an expired token (with a Location naming a new initial round).
                return new Read(List.of(), null, answer.errorCode() == null ? "HTTP " + answer.status()
                        : answer.errorCode());
            }
            JsonNode page = answer.json();
            JsonNode value = page.path("value");
            if (!value.isArray()) {
                throw GraphFailures.malformed(calendar, kind, "a page without value");
            }
            value.forEach(items::add);
            String next = page.path("@odata.nextLink").asText(null);
            String deltaLink = page.path("@odata.deltaLink").asText(null);
            if (next != null) {
                if (!seen.add(next)) {
                    throw GraphFailures.malformed(calendar, kind, "a nextLink repeated");
                }
                request = GraphRequest.get(next).pagesOf(PAGE_SIZE);
            } else if (!delta) {
                return new Read(items, null, null);
            } else if (deltaLink != null) {
                return new Read(items, deltaLink, null);
            } else {
                throw GraphFailures.malformed(calendar, kind, "a delta page with neither nextLink nor deltaLink");
            }
        }
        throw GraphFailures.malformed(calendar, kind, "more than " + MAX_PAGES + " pages");
    }
}
