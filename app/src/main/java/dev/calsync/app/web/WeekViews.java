package dev.calsync.app.web;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.reconcile.BusyFilter;
import dev.calsync.core.sync.BusyIntervals;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Draws a group's next seven days from what the store holds, never asking the provider: each calendar's own busy
 * events from the source cache (series expanded, exceptions applied, as the engine sees them) and the blocks the
 * group keeps on it, placed at the times of their source events. A block says which calendar it mirrors, never what
 * its source is called; an event's own title is shown only on a calendar its account owns.
 */
@Component
public class WeekViews {

    private static final int DAYS = 7;
    private static final int FIRST_HOUR = 8;
    private static final int LAST_HOUR = 18;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Sizes of the two versions, in SVG units: the group page's and the dashboard card's. */
    private record Geometry(double width, double gutter, double header, double allDay, double hour, int hourStep) {
    }

    private static final Geometry FULL = new Geometry(980, 46, 34, 20, 28, 1);
    private static final Geometry COMPACT = new Geometry(700, 34, 22, 10, 10, 2);

    private final JdbcSyncStore store;
    private final AccountStore accounts;
    private final CalendarLists calendarLists;
    private final Recurrences recurrences;
    private final Clock clock;

    public WeekViews(JdbcSyncStore store, AccountStore accounts, CalendarLists calendarLists,
                     Recurrences recurrences, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.calendarLists = calendarLists;
        this.recurrences = recurrences;
        this.clock = clock;
    }

    /** A span of busy time in one calendar column, before it is cut into days. */
    private record Span(int calendar, boolean block, boolean allDay, Instant start, Instant end, String label) {
    }

    public WeekView of(SyncGroup group, ZoneId zone, boolean compact) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(DAYS).atStartOfDay(zone).toInstant();

        List<WeekView.Calendar> calendars = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        Map<Integer, Map<String, SourceEvent>> eventsOf = new HashMap<>();
        List<Span> spans = new ArrayList<>();
        for (CalendarRef calendar : group.calendars()) {
            int index = calendars.size();
            Optional<CalendarInfo> listed = listed(calendar);
            calendars.add(new WeekView.Calendar(index, calendar.key(),
                    listed.map(info -> info.summary() == null ? info.id() : info.summary()).orElse(calendar.calendarId()),
                    accounts.find(calendar.accountId()).map(CalendarChoices::labelOf).orElse(calendar.accountId())));
            indexOf.put(calendar.key(), index);
            Map<String, SourceEvent> events = new HashMap<>();
            store.cachedEvents(group.id(), calendar).forEach(event -> events.put(event.id(), event));
            eventsOf.put(index, events);
            boolean titles = listed.map(info -> "owner".equals(info.accessRole())).orElse(false);
            for (SourceEvent event : events.values()) {
                boolean orphanException = event.isException() && !events.containsKey(event.recurringEventId());
                if (!event.isException() || orphanException) {
                    String what = titles && event.summary() != null && !event.summary().isBlank()
                            ? event.summary() : "busy";
                    for (Span span : spans(events, event, from, to)) {
                        spans.add(new Span(index, false, span.allDay(), span.start(), span.end(),
                                calendars.get(index).name() + ": " + what));
                    }
                }
            }
        }
        int unplaced = 0;
        for (KnownBlock block : store.blocks(group.id())) {
            Integer target = indexOf.get(block.target().key());
            Integer source = indexOf.get(block.sourceCalendar());
            SourceEvent event = source == null ? null : eventsOf.get(source).get(block.sourceEventId());
            if (target == null || event == null) {
                unplaced++;
                continue;
            }
            String label = calendars.get(target).name() + ": \u201c" + group.busyTitle() + "\u201d block for busy time on "
                    + calendars.get(source).name();
            for (Span span : spans(eventsOf.get(source), event, from, to)) {
                spans.add(new Span(target, true, span.allDay(), span.start(), span.end(), label));
            }
        }
        return layout(group, zone, compact ? COMPACT : FULL, compact, today, now, calendars, spans, unplaced);
    }

    private Optional<CalendarInfo> listed(CalendarRef calendar) {
        return calendarLists.cached(calendar.accountId())
                .flatMap(listed -> CalendarNames.resolve(calendar.calendarId(), listed.calendars()));
    }

    /**
     * The busy time of one event within [from, to), as the engine's {@link BusyIntervals} sees it: a series with
     * its exceptions applied, an exception at its own time. Labels are filled in by the caller.
     */
    private List<Span> spans(Map<String, SourceEvent> events, SourceEvent event, Instant from, Instant to) {
        List<SourceEvent> withExceptions = Stream.concat(Stream.of(event), events.values().stream()
                .filter(other -> other.isException() && event.id().equals(other.recurringEventId()))).toList();
        boolean allDay = event.start() instanceof EventTime.AllDay;
        List<Span> spans = new ArrayList<>();
        for (BusyIntervals.Interval interval : BusyIntervals.of(event.isException() ? List.of(event) : withExceptions,
                BusyFilter::isBusy, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)), recurrences)
                .intervals()) {
            spans.add(new Span(0, false, allDay, interval.start(), interval.end(), null));
        }
        return spans;
    }

    private WeekView layout(SyncGroup group, ZoneId zone, Geometry g, boolean compact, LocalDate today, Instant now,
                            List<WeekView.Calendar> calendars, List<Span> spans, int unplaced) {
        boolean anyAllDay = spans.stream().anyMatch(Span::allDay);
        int firstHour = FIRST_HOUR;
        int lastHour = LAST_HOUR;
        for (Span span : spans) {
            for (LocalDate day = today; day.isBefore(today.plusDays(DAYS)); day = day.plusDays(1)) {
                Optional<int[]> minutes = span.allDay() ? Optional.empty() : minutesOn(span, day, zone);
                if (minutes.isPresent()) {
                    firstHour = Math.min(firstHour, minutes.get()[0] / 60);
                    lastHour = Math.max(lastHour, (minutes.get()[1] + 59) / 60);
                }
            }
        }
        double allDayTop = g.header();
        double gridTop = allDayTop + (anyAllDay ? g.allDay() : 0) + 4;
        double gridBottom = gridTop + (lastHour - firstHour) * g.hour();
        double dayWidth = (g.width() - g.gutter()) / DAYS;
        double pad = 3;
        double column = (dayWidth - 2 * pad) / Math.max(1, calendars.size());

        List<WeekView.Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = today.plusDays(i);
            days.add(new WeekView.Day(day, DAY.format(day), SHORT_DAY.format(day), g.gutter() + i * dayWidth,
                    dayWidth, i == 0));
        }
        List<WeekView.Hour> hours = new ArrayList<>();
        for (int hour = firstHour; hour <= lastHour; hour += g.hourStep()) {
            hours.add(new WeekView.Hour(String.format(Locale.ROOT, "%02d:00", hour),
                    round(gridTop + (hour - firstHour) * g.hour())));
        }
        List<WeekView.Item> items = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        // Blocks first, so that a calendar's own event is drawn over a block at the same time (a double booking).
        for (boolean blocks : new boolean[] {true, false}) {
            for (Span span : spans) {
                if (span.block() != blocks) {
                    continue;
                }
                String occurrence = span.calendar() + "|" + span.block() + "|" + span.start() + "|" + span.end();
                if (!drawn.add(occurrence)) {
                    continue; // a series' row and its exceptions' rows name the same busy time
                }
                for (int i = 0; i < DAYS; i++) {
                    LocalDate day = today.plusDays(i);
                    double x = g.gutter() + i * dayWidth + pad + span.calendar() * column + 1;
                    double width = (column - 2) * (span.block() ? 1 : 0.66);
                    if (span.allDay()) {
                        if (coversDate(span, day)) {
                            items.add(item(calendars, span, occurrence, true, x, allDayTop + 2, width,
                                    g.allDay() - 4, DAY.format(day) + ", all day"));
                        }
                        continue;
                    }
                    Optional<int[]> minutes = minutesOn(span, day, zone);
                    if (minutes.isPresent()) {
                        double top = gridTop + (minutes.get()[0] / 60.0 - firstHour) * g.hour();
                        double bottom = gridTop + (minutes.get()[1] / 60.0 - firstHour) * g.hour();
                        items.add(item(calendars, span, occurrence, false, x, top, width, Math.max(2, bottom - top),
                                times(span, zone)));
                    }
                }
            }
        }
        WeekView.NowLine line = null;
        double nowHours = ZonedDateTime.ofInstant(now, zone).toLocalTime().toSecondOfDay() / 3600.0;
        if (nowHours >= firstHour && nowHours <= lastHour) {
            double y = round(gridTop + (nowHours - firstHour) * g.hour());
            line = new WeekView.NowLine(round(g.gutter()), round(g.gutter() + dayWidth), y);
        }
        return new WeekView((compact ? "week-compact-" : "week-") + group.id(), group.id(), compact, zone.getId(),
                g.width(), round(gridBottom + 6), g.gutter(), allDayTop, round(gridTop), round(gridBottom), days,
                hours, calendars, items, line, unplaced);
    }

    private static WeekView.Item item(List<WeekView.Calendar> calendars, Span span, String occurrence,
                                      boolean allDay, double x, double y, double width, double height, String when) {
        return new WeekView.Item(span.calendar(), calendars.get(span.calendar()).key(), span.block(), allDay,
                round(x), round(y), round(width), round(height), span.start(), span.end(), occurrence,
                span.label() + ", " + when);
    }

    /** Minutes after midnight where the span starts and ends on {@code day}, if it touches that day. */
    private static Optional<int[]> minutesOn(Span span, LocalDate day, ZoneId zone) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = span.start().isAfter(dayStart) ? span.start() : dayStart;
        Instant end = span.end().isBefore(dayEnd) ? span.end() : dayEnd;
        if (!start.isBefore(end)) {
            return Optional.empty();
        }
        int startMinute = (int) Duration.between(dayStart, start).toMinutes();
        int endMinute = (int) Math.ceil(Duration.between(dayStart, end).toSeconds() / 60.0);
        return Optional.of(new int[] {startMinute, endMinute});
    }

    /** An all-day span's dates are UTC midnights (as everywhere in calsync): the dates themselves, in any zone. */
    private static boolean coversDate(Span span, LocalDate day) {
        LocalDate first = LocalDate.ofInstant(span.start(), ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(span.end().minusNanos(1), ZoneOffset.UTC);
        return !day.isBefore(first) && !day.isAfter(end);
    }

    private static String times(Span span, ZoneId zone) {
        ZonedDateTime start = ZonedDateTime.ofInstant(span.start(), zone);
        ZonedDateTime end = ZonedDateTime.ofInstant(span.end(), zone);
        String endText = end.toLocalDate().equals(start.toLocalDate()) || end.toLocalTime().equals(LocalTime.MIDNIGHT)
                && end.toLocalDate().equals(start.toLocalDate().plusDays(1))
                ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + " " + TIME.format(start) + "\u2013" + endText;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
