package dev.calsync.integration.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.services.calendar.model.Event;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.integration.Harness;
import dev.calsync.integration.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random series (FREQ daily/weekly/monthly, INTERVAL, COUNT/UNTIL, BYDAY, EXDATE; timed in three zones or
 * all-day) with random moved, cancelled and freed occurrences, synced; then random edits of series and
 * occurrences, synced again: after each pass the blocks' busy time equals the others' busy time as the
 * emulator expands it, and verify finds nothing. One emulator and one H2 store for all tries; each try has
 * calendars and a group of its own.
 */
class RecurringProperties {
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York");
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static Harness harness;

    record Spec(int calendar, String freq, int interval, int end, int count, int untilDays, List<String> byDay,
                int exdateDays, int startDay, int hour, int minutes, String zone, boolean allDay) {

        List<String> lines(LocalDateTime start) {
            StringBuilder rule = new StringBuilder("RRULE:FREQ=" + freq);
            if (interval > 1) {
                rule.append(";INTERVAL=").append(interval);
            }
            if (end == 1) {
                rule.append(";COUNT=").append(count);
            } else if (end == 2) {
                LocalDateTime until = start.plusDays(untilDays);
                rule.append(";UNTIL=").append(allDay ? DATE.format(until)
                        : LOCAL.format(until.atZone(ZoneId.of(zone)).withZoneSameInstant(ZoneOffset.UTC)) + "Z");
            }
            if (freq.equals("WEEKLY") && !byDay.isEmpty()) {
                rule.append(";BYDAY=").append(String.join(",", byDay));
            }
            List<String> lines = new ArrayList<>(List.of(rule.toString()));
            if (exdateDays > 0) {
                LocalDateTime exdate = start.plusDays(exdateDays);
                lines.add(allDay ? "EXDATE;VALUE=DATE:" + DATE.format(exdate) : "EXDATE;TZID=" + zone + ":" + LOCAL.format(exdate));
            }
            return lines;
        }
    }

    /** What to do to the n-th occurrence (counted from the window's start) or to a series. */
    record Change(int series, int occurrence, int kind, int shiftHours) {
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return spec().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return change().list().ofMaxSize(6);
    }

    Arbitrary<Spec> spec() {
        Arbitrary<Integer> ends = Arbitraries.integers().between(0, 2);
        return Combinators.combine(
                Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of("DAILY", "WEEKLY", "MONTHLY"),
                        Arbitraries.integers().between(1, 3), ends, Arbitraries.integers().between(1, 15),
                        Arbitraries.integers().between(-10, 120)).as(List::of),
                Combinators.combine(Arbitraries.of(DAYS).list().uniqueElements().ofMaxSize(3),
                        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(-60, 40),
                        Arbitraries.integers().between(0, 22), Arbitraries.of(15, 30, 60, 90, 180, 600),
                        Arbitraries.of(ZONES), Arbitraries.integers().between(0, 5)).as(List::of))
                .as((a, b) -> {
                    @SuppressWarnings("unchecked") List<String> byDay = (List<String>) b.get(0);
                    return new Spec((Integer) a.get(0), (String) a.get(1), (Integer) a.get(2), (Integer) a.get(3),
                            (Integer) a.get(4), (Integer) a.get(5), byDay, (Integer) b.get(1), (Integer) b.get(2),
                            (Integer) b.get(3), (Integer) b.get(4), (String) b.get(5), ((Integer) b.get(6)) == 0);
                });
    }

    Arbitrary<Change> change() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(-30, 30)).as(Change::new);
    }

    @Property(tries = 100)
    void busyTimeAlwaysMatches(@ForAll("specs") List<Spec> specs, @ForAll("changes") List<Change> exceptions,
                               @ForAll("changes") List<Change> edits) {
        Harness h = harness();
        Edits user = new Edits(h.emulator);
        int n = TRIES.incrementAndGet();
        List<CalendarRef> calendars = new ArrayList<>();
        String[] accounts = {"work", "home", "bobwork"};
        for (int i = 0; i < 3; i++) {
            CalendarRef calendar = new CalendarRef(accounts[i], "p" + n + "-" + i + "-" + System.nanoTime() + "@prop.example");
            h.emulator.addCalendar(accounts[i], calendar.calendarId(), "prop " + i, false, ZONES.get(i));
            calendars.add(calendar);
        }
        SyncGroup group = h.group("prop" + n, calendars.toArray(CalendarRef[]::new));
        List<CalendarRef> owners = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (Spec spec : specs.stream().limit(3).toList()) {
            CalendarRef calendar = calendars.get(spec.calendar());
            LocalDateTime start = TODAY.plusDays(spec.startDay()).atTime(spec.hour(), 0);
            String id = spec.allDay()
                    ? user.allDay(calendar, "s", start.toLocalDate(), 1 + spec.minutes() / 200,
                            spec.lines(start).toArray(String[]::new))
                    : user.series(calendar, "s", start, spec.minutes(), spec.zone(), spec.lines(start).toArray(String[]::new));
            owners.add(calendar);
            series.add(id);
        }
        user.series(calendars.get(n % 3), "single", TODAY.plusDays(n % 20).atTime(12, 0), 45, "UTC");
        for (Change change : exceptions.stream().limit(6).toList()) {
            changeOccurrence(h, user, owners, series, change);
        }
        h.sync(group);
        assertBusyMatches(h, group, "after the first sync");

        for (Change change : edits.stream().limit(5).toList()) {
            if (change.kind() >= 7 && !series.isEmpty()) {
                editSeries(h, user, owners, series, change);
            } else {
                changeOccurrence(h, user, owners, series, change);
            }
        }
        h.sync(group);
        assertBusyMatches(h, group, "after the edits");
    }

    private static void changeOccurrence(Harness h, Edits user, List<CalendarRef> owners, List<String> series,
                                         Change change) {
        if (series.isEmpty()) {
            return;
        }
        int s = change.series() % series.size();
        CalendarRef calendar = owners.get(s);
        if (isGone(h, calendar, series.get(s))) {
            return;
        }
        List<Event> occurrences = occurrences(h, calendar, series.get(s));
        if (occurrences.isEmpty()) {
            return;
        }
        Event occurrence = occurrences.get(change.occurrence() % occurrences.size());
        String id = occurrence.getId();
        switch (change.kind() % 7) {
            case 0, 1 -> user.cancelOccurrence(calendar, id);
            case 2 -> user.set(calendar, id, "transparency", "transparent");
            default -> {
                ObjectNode instance = h.emulator.userGet(calendar.calendarId(), id).deepCopy();
                shift(instance, change.shiftHours(), change.kind() == 6 ? 1 : 0);
                h.emulator.userUpdate(calendar.calendarId(), id, instance);
            }
        }
    }

    /** Moves the whole series, or cuts it short, or splits it ("this and following"), or deletes it. */
    private static void editSeries(Harness h, Edits user, List<CalendarRef> owners, List<String> series, Change change) {
        int s = change.series() % series.size();
        CalendarRef calendar = owners.get(s);
        String id = series.get(s);
        if (isGone(h, calendar, id)) {
            return;
        }
        ObjectNode event = h.emulator.userGet(calendar.calendarId(), id).deepCopy();
        List<String> lines = new ArrayList<>();
        event.withArray("recurrence").forEach(l -> lines.add(l.asText()));
        switch (change.kind()) {
            case 7 -> {
                shift(event, change.shiftHours(), 0);
                h.emulator.userUpdate(calendar.calendarId(), id, event);
            }
            case 8 -> {
                List<Event> occurrences = occurrences(h, calendar, id);
                if (occurrences.size() < 2) {
                    return;
                }
                Event from = occurrences.get(1 + change.occurrence() % (occurrences.size() - 1));
                boolean allDay = from.getOriginalStartTime().getDate() != null;
                String until = allDay
                        ? DATE.format(LocalDate.parse(from.getOriginalStartTime().getDate().toStringRfc3339()).minusDays(1))
                        : Edits.SUFFIX.format(ExpandedBusyTime.instant(from.getOriginalStartTime()).minusSeconds(1));
                List<String> ended = lines.stream().map(l -> l.startsWith("RRULE:")
                        ? l.replaceAll(";(COUNT|UNTIL)=[^;]*", "") + ";UNTIL=" + until : l).toList();
                user.recurrence(calendar, id, ended.toArray(String[]::new));
                ObjectNode next = Edits.event("s2", timeOf(from.getStart()), timeOf(from.getEnd()),
                        List.of("RRULE:FREQ=WEEKLY;COUNT=5"));
                shift(next, 1, 0);
                String newId = user.insert(calendar, next);
                owners.add(calendar);
                series.add(newId);
            }
            default -> user.delete(calendar, id);
        }
    }

    private static ObjectNode timeOf(com.google.api.services.calendar.model.EventDateTime time) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (time.getDate() != null) {
            node.put("date", time.getDate().toStringRfc3339());
        } else {
            node.put("dateTime", ExpandedBusyTime.instant(time).toString());
            node.put("timeZone", time.getTimeZone());
        }
        return node;
    }

    /** Moves an event by hours (all-day: by as many days, modulo 3) and makes it longer by {@code longer}. */
    private static void shift(ObjectNode event, int hours, int longer) {
        for (String field : List.of("start", "end")) {
            ObjectNode time = (ObjectNode) event.get(field);
            int extra = field.equals("end") ? longer : 0;
            if (time.hasNonNull("date")) {
                time.put("date", LocalDate.parse(time.get("date").asText()).plusDays(Math.floorMod(hours, 3) + extra).toString());
            } else {
                Instant at = java.time.OffsetDateTime.parse(time.get("dateTime").asText()).toInstant();
                time.put("dateTime", at.plusSeconds(3600L * (hours + extra)).toString());
            }
        }
    }

    private static boolean isGone(Harness h, CalendarRef calendar, String id) {
        ObjectNode event = h.emulator.userGet(calendar.calendarId(), id);
        return event == null || "cancelled".equals(event.path("status").asText());
    }

    /** The series' live occurrences from 40 days back on, in start order (the emulator's expansion). */
    private static List<Event> occurrences(Harness h, CalendarRef calendar, String seriesId) {
        ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
        Instant from = TODAY.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant();
        return oracle.expanded(calendar, from, from.plusSeconds(200L * 86400)).stream()
                .filter(e -> seriesId.equals(e.getRecurringEventId()))
                .sorted(Comparator.comparing(e -> ExpandedBusyTime.instant(e.getOriginalStartTime())))
                .limit(14).toList();
    }

    private static void assertBusyMatches(Harness h, SyncGroup group, String when) {
        ExpandedBusyTime oracle = new ExpandedBusyTime(h.emulator.rootUrl(), Harness.TOKENS);
        for (ExpandedBusyTime.TargetBusy target : oracle.compare(group)) {
            assertThat(target.blocks()).as("%s: blocks on %s", when, target.target()).isEqualTo(target.expected());
        }
        VerifyReport report = h.verify(group);
        assertThat(report.problems()).as("%s: verify", when).isEmpty();
    }

    private static synchronized Harness harness() {
        if (harness == null) {
            harness = new Harness(TestDatabase.all().get(0));
        }
        return harness;
    }

    @AfterContainer
    static void closeHarness() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }
}
