package dev.calsync.bench.jmh;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.reconcile.ProjectedBlocks;
import dev.calsync.core.reconcile.Projection;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One sync group with {@code events} source events spread over {@code calendars} calendars (round robin), and
 * the blocks the store would know for it in each {@link Known} scenario. Deterministic (seeded).
 *
 * <p>The mix, per 100 events: 1 weekly series and 1 moved occurrence of it (an exception), 3 busy all-day events,
 * 5 events shown as free, 3 declined invitations, 2 meetings that ended before the window (aged out), and 85 busy
 * timed meetings across the window (30 days back, 90 ahead).
 */
public final class ReconcilerFixture {
    /** The simulated "now" of every plan. */
    public static final Instant NOW = Instant.parse("2025-03-03T00:00:00Z");
    private static final DateTimeFormatter INSTANCE_SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What the store knows before the plan. */
    public enum Known {
        /** Nothing yet: the first sync of the group; every desired block is an insert. */
        EMPTY,
        /** Every block written and unchanged since: the plan is empty (the common poll). */
        EQUAL,
        /** Every block written, then 5 % of the source events changed: 3 % moved, 1 % cancelled, 1 % new. */
        CHANGED_5PCT
    }

    public final SyncGroup group;
    public final Map<CalendarRef, List<SourceEvent>> sources;
    public final List<KnownBlock> known;
    public final Recurrences recurrences = new LibRecurRecurrences();
    /** Source events changed (moved, cancelled or added) relative to the known blocks. */
    public final int changedEvents;

    public ReconcilerFixture(int events, int calendars, Known scenario) {
        List<CalendarRef> refs = new ArrayList<>();
        for (int c = 0; c < calendars; c++) {
            refs.add(new CalendarRef("acct" + (c % 2), "cal" + c + "@bench.example"));
        }
        group = new SyncGroup("g-jmh", "owner", "Busy", Window.DEFAULT, SyncMode.INCREMENTAL, ManualEditPolicy.RESTORE,
                refs);
        Map<CalendarRef, List<SourceEvent>> original = generate(events, refs, new Random(42));
        if (scenario == Known.EMPTY) {
            sources = original;
            known = List.of();
            changedEvents = 0;
            return;
        }
        known = projectedKnown(original);
        if (scenario == Known.EQUAL) {
            sources = original;
            changedEvents = 0;
        } else {
            // 5 % of all source events, taken evenly from the busy timed meetings in the window: of every 5, 3 move
            // by half an hour, 1 is cancelled and 1 gets a new meeting next to it.
            int toChange = events / 20;
            int eligible = 0;
            for (List<SourceEvent> list : original.values()) {
                for (SourceEvent event : list) {
                    eligible += changeable(event) ? 1 : 0;
                }
            }
            int stride = Math.max(1, eligible / toChange);
            Map<CalendarRef, List<SourceEvent>> changed = new LinkedHashMap<>();
            int n = 0;
            int seen = 0;
            for (Map.Entry<CalendarRef, List<SourceEvent>> e : original.entrySet()) {
                List<SourceEvent> list = new ArrayList<>();
                for (SourceEvent event : e.getValue()) {
                    boolean pick = changeable(event) && seen++ % stride == 0 && n < toChange;
                    if (!pick) {
                        list.add(event);
                        continue;
                    }
                    switch (n++ % 5) {
                        case 0, 1, 2 -> list.add(timed(event.id(), event.start().instant().plus(Duration.ofMinutes(30)),
                                event.end().instant().plus(Duration.ofMinutes(30)), false, null));
                        // cancelled: an incremental list brings it back as a cancelled stub
                        case 3 -> list.add(SourceEvent.cancelled(event.id()));
                        default -> {
                            list.add(event);
                            list.add(timed(event.id() + "new", event.start().instant().plus(Duration.ofHours(2)),
                                    event.end().instant().plus(Duration.ofHours(2)), false, null));
                        }
                    }
                }
                changed.put(e.getKey(), List.copyOf(list));
            }
            sources = changed;
            changedEvents = n;
        }
    }

    private boolean changeable(SourceEvent event) {
        return !event.isSeries() && !event.isException() && event.start() instanceof EventTime.Timed
                && !event.transparent() && event.selfResponse() == null
                && event.end().instant().isAfter(group.window().start(NOW));
    }

    /** The projection of these sources: the first half of a plan. */
    public ProjectedBlocks project() {
        return Projection.of(group, sources, NOW, recurrences);
    }

    public int totalSourceEvents() {
        return sources.values().stream().mapToInt(List::size).sum();
    }

    private List<KnownBlock> projectedKnown(Map<CalendarRef, List<SourceEvent>> original) {
        ProjectedBlocks projected = Projection.of(group, original, NOW, recurrences);
        List<KnownBlock> blocks = new ArrayList<>();
        for (DesiredBlock d : projected.desired()) {
            blocks.add(d.known(BlockState.SYNCED));
        }
        return List.copyOf(blocks);
    }

    private static Map<CalendarRef, List<SourceEvent>> generate(int events, List<CalendarRef> refs, Random random) {
        Map<CalendarRef, List<SourceEvent>> byCalendar = new LinkedHashMap<>();
        refs.forEach(r -> byCalendar.put(r, new ArrayList<>()));
        int made = 0;
        int i = 0;
        while (made < events) {
            CalendarRef calendar = refs.get(i % refs.size());
            List<SourceEvent> list = byCalendar.get(calendar);
            String id = "ev" + i;
            int kind = i % 100;
            Instant day = NOW.minus(Duration.ofDays(29)).plus(Duration.ofDays(random.nextInt(118)));
            Instant start = day.plus(Duration.ofMinutes(8 * 60 + 30L * random.nextInt(20)));
            Instant end = start.plus(Duration.ofMinutes(new int[] {30, 45, 60, 60}[random.nextInt(4)]));
            if (kind == 0 && made + 2 <= events) {
                // A weekly series that started a week ago, and one moved occurrence of it.
                Instant seriesStart = NOW.minus(Duration.ofDays(7)).plus(Duration.between(day.truncatedTo(
                        java.time.temporal.ChronoUnit.DAYS), start));
                SourceEvent series = new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(seriesStart, "UTC"),
                        EventTime.at(seriesStart.plus(Duration.ofHours(1)), "UTC"), false, EventKind.DEFAULT, null,
                        List.of("RRULE:FREQ=WEEKLY"), null, null, "Weekly " + i, Map.of(), null, null);
                Instant occurrence = seriesStart.plus(Duration.ofDays(7L * (2 + random.nextInt(8))));
                SourceEvent exception = new SourceEvent(id + "_" + INSTANCE_SUFFIX.format(occurrence),
                        EventStatus.CONFIRMED, EventTime.at(occurrence.plus(Duration.ofHours(2)), "UTC"),
                        EventTime.at(occurrence.plus(Duration.ofHours(3)), "UTC"), false, EventKind.DEFAULT, null, List.of(),
                        id, EventTime.at(occurrence, "UTC"), "Weekly " + i, Map.of(), null, null);
                list.add(series);
                list.add(exception);
                made += 2;
            } else if (kind >= 1 && kind <= 3) {
                LocalDate date = LocalDate.ofInstant(day, ZoneOffset.UTC);
                list.add(new SourceEvent(id, EventStatus.CONFIRMED, EventTime.on(date), EventTime.on(date.plusDays(1)),
                        false, EventKind.DEFAULT, null, List.of(), null, null, "Offsite " + i, Map.of(), null, null));
                made++;
            } else if (kind >= 4 && kind <= 8) {
                list.add(timed(id, start, end, true, null));
                made++;
            } else if (kind >= 9 && kind <= 11) {
                list.add(timed(id, start, end, false, ResponseStatus.DECLINED));
                made++;
            } else if (kind >= 12 && kind <= 13) {
                Instant old = NOW.minus(Duration.ofDays(40 + random.nextInt(20)));
                list.add(timed(id, old, old.plus(Duration.ofHours(1)), false, null));
                made++;
            } else {
                list.add(timed(id, start, end, false, null));
                made++;
            }
            i++;
        }
        Map<CalendarRef, List<SourceEvent>> frozen = new LinkedHashMap<>();
        byCalendar.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    private static SourceEvent timed(String id, Instant start, Instant end, boolean transparent, ResponseStatus self) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(start, "UTC"), EventTime.at(end, "UTC"),
                transparent, EventKind.DEFAULT, self, List.of(), null, null, "Meeting " + id, Map.of(), null, null);
    }
}
