package dev.calsync.bench;

import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.Fault;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plays the users' changes and faults onto the emulator and the store, in simulated time order. */
final class WorkloadReplay {
    private final List<User> users;
    private final List<SyncGroup> groups;
    private final CalendarFace face;
    private final ExpiringTokenStore store;
    private final MeasuredPasses passes;
    private final Stats stats;
    private final int rateLimitBurstSize;

    WorkloadReplay(List<User> users, List<SyncGroup> groups, CalendarFace face, ExpiringTokenStore store,
                   MeasuredPasses passes, Stats stats, int rateLimitBurstSize) {
        this.users = users;
        this.groups = groups;
        this.face = face;
        this.store = store;
        this.passes = passes;
        this.stats = stats;
        this.rateLimitBurstSize = rateLimitBurstSize;
    }

    /** Every user's changes and faults, in order. */
    List<TimelineItem> timeline() {
        List<TimelineItem> items = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            for (Change c : users.get(u).changes()) {
                items.add(TimelineItem.change(u, c));
            }
            for (Fault f : users.get(u).faults()) {
                items.add(TimelineItem.fault(u, f));
            }
        }
        items.sort(TimelineItem.ORDER);
        return items;
    }

    /** The timeline with {@code routine} added every {@code every} after the start, up to {@code end}. */
    static List<TimelineItem> withRoutine(List<TimelineItem> items, TimelineItem.Routine routine, Duration every,
                                          Instant end) {
        List<TimelineItem> all = new ArrayList<>(items);
        for (Instant t = Workload.START.plus(every); !t.isAfter(end); t = t.plus(every)) {
            all.add(TimelineItem.routine(t, routine));
        }
        all.sort(TimelineItem.ORDER);
        return all;
    }

    void apply(TimelineItem item) {
        UserState st = passes.state(item.user());
        st.touched = true;
        if (item.change() != null) {
            Change c = item.change();
            face.apply(c);
            stats.changes++;
            stats.changesByKind.merge(c.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            if (c.affectsBlocks()) {
                stats.blockChanges++;
                // Two edits of one event before the next pass need its blocks written once: the bound counts
                // the events changed per pass, not the edits.
                st.pendingEvents.add(c.calendarId() + "/" + c.eventId());
                st.pendingSim.add(item.at());
                st.pendingWall.add(System.nanoTime());
            }
        } else {
            Fault f = item.fault();
            if (f.kind() == Workload.FaultKind.TOKEN_EXPIRY) {
                stats.tokenExpiries++;
                // The group names its calendars in the workload's order, by the ids the service gave them.
                int calendar = users.get(item.user()).calendars().indexOf(new Workload.Cal(f.accountId(), f.calendarId()));
                SyncGroup group = groups.get(item.user());
                store.expire(group.id(), group.calendars().get(calendar));
            } else {
                stats.rateLimitBursts++;
                face.throttle(f.accountId(), rateLimitBurstSize);
            }
        }
    }
}
