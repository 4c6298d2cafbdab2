package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.recurrence.Occurrence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The list algorithms of one calendar, run under the calendar's lock. Pages continue after the sort key of the
 * last item served (never by offset), so an unchanged event can never be skipped or repeated while a client pages.
 */
final class EventListing {
    /** Unbounded series are expanded this far ahead of now (or of timeMin) when no timeMax bounds them. */
    private static final long EXPANSION_HORIZON = Duration.ofDays(730).toMillis();
    private static final int MAX_INSTANCES_PER_SERIES = 5000;

    /** A candidate item: its sort key plus what to render if it makes it onto the page. */
    private record Item(long primary, String id, StoredEvent event, Occurrence occurrence, boolean cancelledInstance) {}

    private static final Comparator<Item> ORDER = Comparator.comparingLong(Item::primary).thenComparing(Item::id);

    private final CalendarState calendar;
    private final ListQuery query;

    EventListing(CalendarState calendar, ListQuery query) {
        this.calendar = calendar;
        this.query = query;
    }

    ListResult page(PageCursor cursor, int pageSize) {
        List<Item> candidates = new ArrayList<>();
        if (!query.singleEvents() && query.orderBy() == ListQuery.Order.NONE) {
            // Common case (calsync's full sync): walk events in id order from the cursor, stop after one page.
            NavigableMap<String, StoredEvent> from = cursor.lastId() == null ? calendar.events : calendar.events.tailMap(cursor.lastId(), false);
            for (StoredEvent e : from.values()) {
                if (matchesUnexpanded(e)) candidates.add(new Item(0, e.id(), e, null, false));
                if (candidates.size() > pageSize) break;
            }
        } else {
            for (StoredEvent e : calendar.events.values()) {
                if (query.singleEvents()) collectExpanded(e, candidates);
                else if (matchesUnexpanded(e)) candidates.add(new Item(primaryKey(e.startMillis(), e.updatedMillis()), e.id(), e, null, false));
            }
            candidates.removeIf(i -> !after(i, cursor));
            candidates.sort(ORDER);
        }
        return cut(candidates, cursor, pageSize);
    }

    /** Every event changed after the cursor's sequence up to the snapshot, in change order, deleted ones included. */
    ListResult changes(PageCursor cursor, boolean singleEvents, int pageSize) {
        List<Item> candidates = new ArrayList<>();
        NavigableMap<Long, String> range = cursor.lastId() == null
                ? calendar.changeLog.subMap(cursor.fromSeq(), false, cursor.snapshotSeq(), true)
                : calendar.changeLog.subMap(cursor.lastPrimary(), true, cursor.snapshotSeq(), true);
        for (Map.Entry<Long, String> change : range.entrySet()) {
            StoredEvent e = calendar.events.get(change.getValue());
            List<Item> forChange = new ArrayList<>();
            if (singleEvents && e.isSeries()) {
                long from = e.startMillis();
                long to = Math.max(calendar.context().now(), from) + EXPANSION_HORIZON;
                for (Occurrence o : e.recurrence().between(from, to, MAX_INSTANCES_PER_SERIES)) {
                    String instanceId = e.id() + "_" + o.idSuffix();
                    if (!calendar.events.containsKey(instanceId)) forChange.add(new Item(change.getKey(), instanceId, e, o, e.cancelled()));
                }
            } else {
                forChange.add(new Item(change.getKey(), e.id(), e, null, false));
            }
            forChange.sort(ORDER);
            for (Item i : forChange) if (after(i, cursor)) candidates.add(i);
            if (candidates.size() > pageSize) break;
        }
        return cut(candidates, cursor, pageSize);
    }

    ListResult instancesOf(StoredEvent series, PageCursor cursor, int pageSize) {
        long from = query.timeMin() != null ? query.timeMin() : series.startMillis();
        long to = query.timeMax() != null ? query.timeMax() : Math.max(calendar.context().now(), from) + EXPANSION_HORIZON;
        List<Item> candidates = new ArrayList<>();
        for (Occurrence o : series.recurrence().between(from, to, MAX_INSTANCES_PER_SERIES)) {
            String instanceId = series.id() + "_" + o.idSuffix();
            StoredEvent exception = calendar.events.get(instanceId);
            if (exception == null) {
                candidates.add(new Item(o.startMillis(), instanceId, series, o, false));
            } else if (!exception.cancelled() || query.showDeleted()) {
                candidates.add(new Item(exception.startMillis(), instanceId, exception, null, false));
            }
        }
        candidates.removeIf(i -> !after(i, cursor));
        candidates.sort(ORDER);
        return cut(candidates, cursor, pageSize);
    }

    private void collectExpanded(StoredEvent e, List<Item> out) {
        if (!e.isSeries()) {
            if (e.cancelled() && !query.showDeleted() && query.updatedMin() == null) return;
            if (inWindow(e.startMillis(), e.endMillis()) && matchesFilters(e.json(), e.updatedMillis())) {
                out.add(new Item(primaryKey(e.startMillis(), e.updatedMillis()), e.id(), e, null, false));
            }
            return;
        }
        if (e.cancelled() || !matchesFilters(e.json(), e.updatedMillis())) return;
        long from = query.timeMin() != null ? query.timeMin() : e.startMillis();
        long to = query.timeMax() != null ? query.timeMax() : Math.max(calendar.context().now(), from) + EXPANSION_HORIZON;
        for (Occurrence o : e.recurrence().between(from, to, MAX_INSTANCES_PER_SERIES)) {
            String instanceId = e.id() + "_" + o.idSuffix();
            // A stored exception stands in for its occurrence and is listed on its own.
            if (!calendar.events.containsKey(instanceId)) out.add(new Item(primaryKey(o.startMillis(), e.updatedMillis()), instanceId, e, o, false));
        }
    }

    private boolean matchesUnexpanded(StoredEvent e) {
        if (e.cancelled() && !query.showDeleted() && query.updatedMin() == null
                // Cancelled instances (not series) are listed when showDeleted and singleEvents are both false.
                && !e.isException()) {
            return false;
        }
        boolean inWindow = e.isSeries()
                ? (query.timeMin() == null && query.timeMax() == null)
                  || !e.recurrence().between(query.timeMin() != null ? query.timeMin() : e.startMillis(),
                                             query.timeMax() != null ? query.timeMax() : Long.MAX_VALUE, 1).isEmpty()
                : inWindow(e.startMillis(), e.endMillis());
        return inWindow && matchesFilters(e.json(), e.updatedMillis());
    }

    /** timeMin bounds the event's end (exclusive), timeMax its start (exclusive). */
    private boolean inWindow(long start, long end) {
        boolean afterMin = query.timeMin() == null || end > query.timeMin() || (end == start && start >= query.timeMin());
        boolean beforeMax = query.timeMax() == null || start < query.timeMax();
        return afterMin && beforeMax;
    }

    private boolean matchesFilters(JsonNode json, long updatedMillis) {
        if (query.updatedMin() != null && updatedMillis < query.updatedMin()) return false;
        if (query.iCalUID() != null && !query.iCalUID().equals(json.path("iCalUID").asText())) return false;
        for (String[] kv : query.privateProperties()) if (!ExtendedProperties.matches(json, "private", kv[0], kv[1])) return false;
        for (String[] kv : query.sharedProperties()) if (!ExtendedProperties.matches(json, "shared", kv[0], kv[1])) return false;
        if (query.q() != null) {
            String needle = query.q().toLowerCase(Locale.ROOT);
            String hay = (json.path("summary").asText("") + "\n" + json.path("description").asText("") + "\n"
                    + json.path("location").asText("")).toLowerCase(Locale.ROOT);
            for (String word : needle.split("\\s+")) if (!word.isEmpty() && !hay.contains(word)) return false;
        }
        return true;
    }

    private long primaryKey(long start, long updated) {
        return switch (query.orderBy()) {
            case START_TIME -> start;
            case UPDATED -> updated;
            case NONE -> 0;
        };
    }

    private static boolean after(Item i, PageCursor cursor) {
        if (cursor.lastId() == null) return true;
        int c = Long.compare(i.primary(), cursor.lastPrimary());
        return c > 0 || (c == 0 && i.id().compareTo(cursor.lastId()) > 0);
    }

    private static ListResult cut(List<Item> candidates, PageCursor cursor, int pageSize) {
        boolean more = candidates.size() > pageSize;
        List<Item> page = more ? candidates.subList(0, pageSize) : candidates;
        List<ObjectNode> items = new ArrayList<>(page.size());
        for (Item i : page) items.add(render(i));
        PageCursor next = null;
        if (more) {
            Item last = page.get(page.size() - 1);
            next = cursor.after(last.primary(), last.id());
        }
        return new ListResult(items, next, cursor.snapshotSeq());
    }

    private static ObjectNode render(Item i) {
        if (i.occurrence() == null) return i.event().cancelled() ? i.event().cancelledView() : i.event().fullView();
        ObjectNode instance = CalendarState.instanceJson(i.event(), i.occurrence());
        if (!i.cancelledInstance()) return instance;
        ObjectNode n = instance.objectNode();
        n.put("kind", "calendar#event");
        n.set("etag", instance.get("etag"));
        n.put("id", i.id());
        n.put("status", "cancelled");
        n.set("recurringEventId", instance.get("recurringEventId"));
        n.set("originalStartTime", instance.get("originalStartTime"));
        return n;
    }
}
