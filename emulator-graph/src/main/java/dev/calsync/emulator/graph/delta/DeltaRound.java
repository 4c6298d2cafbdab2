package dev.calsync.emulator.graph.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.store.CalendarStore;
import dev.calsync.emulator.graph.store.EventRenderer;
import dev.calsync.emulator.graph.store.EventView;
import dev.calsync.emulator.graph.store.Instance;
import dev.calsync.emulator.graph.store.Instances;
import dev.calsync.emulator.graph.store.StoredEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a {@code calendarView/delta} round, computed from the calendar's history between the round's two
 * change numbers, so every page of a round sees the same snapshot. As in Graph: occurrences, exceptions and single
 * events, never series masters; an item that left the window, or changed outside it, comes as {@code @removed}.
 */
public final class DeltaRound {
    /** @param next the state of the next page, or null when this page ends the round */
    public record Page(List<ObjectNode> items, DeltaState next) {}

    private DeltaRound() {}

    public static Page page(CalendarStore calendar, DeltaState state, int pageSize, EventView view) {
        List<ObjectNode> all = state.initial() ? initial(calendar, state, view) : changes(calendar, state, view);
        int from = Math.min(state.offset(), all.size());
        int to = Math.min(all.size(), from + pageSize);
        DeltaState next = to < all.size() ? state.nextPage(to) : null;
        return new Page(new ArrayList<>(all.subList(from, to)), next);
    }

    private static List<ObjectNode> initial(CalendarStore calendar, DeltaState s, EventView view) {
        List<Instance> instances = new ArrayList<>();
        for (StoredEvent e : calendar.allAt(s.toSeq())) instances.addAll(Instances.within(e, s.windowStart(), s.windowEnd()));
        instances.sort(Instances.BY_START);
        return instances.stream().map(i -> EventRenderer.render(i, view.forDelta())).toList();
    }

    private static List<ObjectNode> changes(CalendarStore calendar, DeltaState s, EventView view) {
        List<ObjectNode> out = new ArrayList<>();
        for (String eventId : calendar.changedBetween(s.fromSeq(), s.toSeq())) {
            Map<String, Instance> before = inWindow(calendar.stateAt(eventId, s.fromSeq()), s);
            Map<String, Instance> after = inWindow(calendar.stateAt(eventId, s.toSeq()), s);
            if (before.isEmpty() && after.isEmpty()) {
                // Graph reports changes outside the window too, as removals the client filters.
                out.add(EventRenderer.removed(eventId));
                continue;
            }
            for (Instance i : after.values()) {
                Instance old = before.get(i.id());
                // Occurrences the change left as they were are not repeated.
                if (old == null || !render(old).equals(render(i))) out.add(EventRenderer.render(i, view.forDelta()));
            }
            for (String id : before.keySet()) if (!after.containsKey(id)) out.add(EventRenderer.removed(id));
        }
        return out;
    }

    private static Map<String, Instance> inWindow(StoredEvent e, DeltaState s) {
        Map<String, Instance> out = new LinkedHashMap<>();
        if (e != null) for (Instance i : Instances.within(e, s.windowStart(), s.windowEnd())) out.put(i.id(), i);
        return out;
    }

    private static ObjectNode render(Instance i) { return EventRenderer.render(i, EventView.UTC); }
}
