package dev.calsync.integration.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.WorkingHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants, judged without the engine's own projection: what the emulator stores, expanded by the
 * emulator itself (singleEvents=true through the official client), on one side; the blocks on the other.
 * For every group and every calendar, the blocks of that group on it are exactly one per busy occurrence of
 * every other calendar of the group, at the same times, and there are none on calendars outside the group.
 * The group's rules are applied again here: roles, which events block, the hours (cutting each occurrence),
 * the title template and the colour.
 */
final class Oracle {
    private static final Set<String> NEVER_BUSY_TYPES = Set.of("workingLocation", "birthday");

    private Oracle() {
    }

    static boolean isBlock(ObjectNode event) {
        return "1".equals(event.path("extendedProperties").path("private").path(BlockMarker.FLAG).asText());
    }

    static void assertConverged(World world) {
        Instant now = world.rig.clock.instant();
        Map<String, List<Event>> instances = new java.util.HashMap<>();
        for (CalendarRef calendar : world.calendars.values()) {
            // Every group of the simulation has the same window.
            var window = world.groups.values().iterator().next().window();
            instances.put(calendar.calendarId(), expanded(world, calendar, window.start(now), window.end(now)));
        }
        for (SyncGroup group : world.groups.values()) {
            GroupRules rules = group.rules();
            for (CalendarRef target : world.calendars.values()) {
                List<String> expected = new ArrayList<>();
                if (group.calendars().contains(target) && rules.roleOf(target) != CalendarRole.SOURCE) {
                    Copies copies = busyCopies(group, instances);
                    for (CalendarRef source : group.calendars()) {
                        if (source.equals(target) || rules.roleOf(source) == CalendarRole.TARGET) {
                            continue;
                        }
                        String hash = BlockMarker.calendarHash(source);
                        for (Event e : instances.get(source.calendarId())) {
                            if (!busy(e, rules.busy()) || !blockedByCopy(copies, source, target, e)) {
                                continue;
                            }
                            String series = e.getRecurringEventId() != null ? e.getRecurringEventId() : e.getId();
                            String title = title(group.busyTitle(), rules.nameOf(source), e.getSummary());
                            for (Instant[] piece : pieces(e, rules.busy().hours())) {
                                expected.add(hash + "|" + series + "|" + piece[0] + "|" + piece[1] + "|" + title);
                            }
                        }
                    }
                }
                List<String> actual = new ArrayList<>();
                for (Event block : instances.get(target.calendarId())) {
                    Map<String, String> marker = marker(block);
                    if (!"1".equals(marker.get(BlockMarker.FLAG)) || !group.id().equals(marker.get(BlockMarker.GROUP))) {
                        continue;
                    }
                    actual.add(key(marker.get(BlockMarker.SOURCE_CALENDAR), marker.get(BlockMarker.SOURCE_EVENT), block)
                            + "|" + block.getSummary());
                    assertThat(block.getDescription()).as("block description (no content may leak)").isNull();
                    assertThat(block.getLocation()).as("block location").isNull();
                    assertThat(block.getVisibility()).as("block visibility").isEqualTo("private");
                    assertThat(block.getColorId()).as("block colour")
                            .isEqualTo(rules.color() == null ? null : Integer.toString(rules.color().index()));
                    assertThat(block.getReminders() == null || !Boolean.TRUE.equals(block.getReminders().getUseDefault()))
                            .as("block reminders").isTrue();
                }
                assertThat(actual).as("blocks of group %s on %s (source|event|start|end|title), %s", group.id(),
                        target.calendarId(), group.calendars().contains(target) ? "member" : "not a member")
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            VerifyReport report = new Verifier(world.rig.checkingProvider, world.rig.store, world.rig.recurrences,
                    world.rig.clock).verify(group);
            assertThat(report.problems()).as("Verifier problems of %s", group.id()).isEmpty();
            assertThat(report.error()).as("Verifier error of %s", group.id()).isNull();
        }
    }

    /** No block of a group taken out of the configuration is left on any calendar, nor recorded in the store. */
    static void assertRetiredGone(World world) {
        for (String groupId : world.retired.keySet()) {
            for (CalendarRef calendar : world.calendars.values()) {
                assertThat(world.rig.emulator.userListAll(calendar.calendarId(), false).stream()
                        .filter(e -> groupId.equals(e.path("extendedProperties").path("private")
                                .path(BlockMarker.GROUP).asText()))
                        .map(e -> e.get("id").asText()).toList())
                        .as("blocks of retired group %s on %s", groupId, calendar.calendarId()).isEmpty();
            }
            assertThat(world.rig.store.retiredBlocks().stream().filter(b -> b.groupId().equals(groupId)).toList())
                    .as("rows of retired group %s", groupId).isEmpty();
        }
    }

    /** A busy single event of a group calendar that shares its iCalUID with others (a copy of one meeting). */
    private record Copy(String calendarKey, String eventId) {
    }

    /**
     * The copies of each meeting on the group's calendars, by iCalUID: those that show it busy (any role), and of
     * those the ones that make blocks (a calendar that is a source, with some calendar to receive them, some of the
     * copy inside the hours), least (calendar, event id) first.
     */
    private record Copies(Map<String, java.util.Set<String>> showing, Map<String, List<Copy>> blocking) {
    }

    private static Copies busyCopies(SyncGroup group, Map<String, List<Event>> instances) {
        GroupRules rules = group.rules();
        Map<String, java.util.Set<String>> showing = new java.util.HashMap<>();
        Map<String, List<Copy>> blocking = new java.util.HashMap<>();
        for (CalendarRef calendar : group.calendars()) {
            boolean blocks = rules.roleOf(calendar) != CalendarRole.TARGET && group.calendars().stream()
                    .anyMatch(other -> !other.equals(calendar) && rules.roleOf(other) != CalendarRole.SOURCE);
            instances.get(calendar.calendarId()).stream()
                    .filter(e -> e.getRecurringEventId() == null && e.getICalUID() != null && busy(e, rules.busy()))
                    .forEach(e -> {
                        showing.computeIfAbsent(e.getICalUID(), k -> new java.util.HashSet<>()).add(calendar.key());
                        if (blocks && !pieces(e, rules.busy().hours()).isEmpty()) {
                            blocking.computeIfAbsent(e.getICalUID(), k -> new ArrayList<>())
                                    .add(new Copy(calendar.key(), e.getId()));
                        }
                    });
        }
        blocking.values().forEach(list -> list.sort(java.util.Comparator.comparing(Copy::calendarKey)
                .thenComparing(Copy::eventId)));
        return new Copies(showing, blocking);
    }

    /**
     * The copies rule, written again here: no block of a meeting on a calendar that shows a busy copy of it
     * itself, and one block elsewhere, from the least copy that makes blocks.
     */
    private static boolean blockedByCopy(Copies copies, CalendarRef source, CalendarRef target, Event event) {
        if (event.getRecurringEventId() != null || event.getICalUID() == null) {
            return true;
        }
        if (copies.showing().getOrDefault(event.getICalUID(), java.util.Set.of()).contains(target.key())) {
            return false;
        }
        List<Copy> blocking = copies.blocking().get(event.getICalUID());
        return blocking == null || blocking.get(0).equals(new Copy(source.key(), event.getId()));
    }

    /** Nothing without the marker was changed by anyone but the person. */
    static void assertUserEventsUntouched(World world) {
        for (String calendar : World.CALENDARS) {
            String id = world.calendarId(calendar);
            world.rig.emulator.userListAll(id, true).stream().filter(e -> !isBlock(e)).forEach(e ->
                    assertThat(e.toString()).as("user event %s/%s", calendar, e.get("id").asText())
                            .isEqualTo(world.userSnapshot.get(id + "/" + e.get("id").asText())));
            long stored = world.rig.emulator.userListAll(id, true).stream().filter(e -> !isBlock(e)).count();
            long remembered = world.userSnapshot.keySet().stream().filter(k -> k.startsWith(id + "/")).count();
            assertThat(stored).as("user events on %s", calendar).isEqualTo(remembered);
        }
    }

    private static List<Event> expanded(World world, CalendarRef calendar, Instant from, Instant to) {
        List<Event> all = new ArrayList<>();
        try {
            String pageToken = null;
            do {
                Events page = world.rig.officialClient(calendar.accountId()).events().list(calendar.calendarId())
                        .setSingleEvents(true).setTimeMin(new DateTime(from.toEpochMilli()))
                        .setTimeMax(new DateTime(to.toEpochMilli())).setMaxResults(2500).setPageToken(pageToken)
                        .execute();
                if (page.getItems() != null) {
                    all.addAll(page.getItems());
                }
                pageToken = page.getNextPageToken();
            } while (pageToken != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The busy rule and the group's busy rules, written again here on purpose rather than borrowed from core. */
    private static boolean busy(Event event, BusyRules rules) {
        boolean allDay = event.getStart() != null && event.getStart().getDate() != null;
        if ("cancelled".equals(event.getStatus())) {
            return false;
        }
        if ("transparent".equals(event.getTransparency()) && !(allDay && rules.allDay() == AllDayRule.ALWAYS)) {
            return false;
        }
        if (allDay && rules.allDay() == AllDayRule.NEVER) {
            return false;
        }
        if (!rules.outOfOffice().blocks() && "outOfOffice".equals(event.getEventType())) {
            return false;
        }
        String summary = event.getSummary() == null ? "" : event.getSummary().toLowerCase(Locale.ROOT);
        if (rules.skipTitles().markers().stream().anyMatch(m -> summary.contains(m.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!rules.tentative().blocks()) {
            if ("tentative".equals(event.getStatus())) {
                return false;
            }
            if (event.getAttendees() != null && event.getAttendees().stream().anyMatch(a -> Boolean.TRUE.equals(a.getSelf())
                    && ("tentative".equals(a.getResponseStatus()) || "needsAction".equals(a.getResponseStatus())))) {
                return false;
            }
        }
        if (event.getEventType() != null && NEVER_BUSY_TYPES.contains(event.getEventType())) {
            return false;
        }
        if ("1".equals(marker(event).get(BlockMarker.FLAG))) {
            return false;
        }
        if (event.getAttendees() != null) {
            for (EventAttendee attendee : event.getAttendees()) {
                if (Boolean.TRUE.equals(attendee.getSelf()) && "declined".equals(attendee.getResponseStatus())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The busy time of one instance: whole, or cut to the hours (each day's from–to in the hours' zone). */
    private static List<Instant[]> pieces(Event event, WorkingHours hours) {
        Instant start = instant(event.getStart(), hours == null ? ZoneOffset.UTC : hours.zone());
        Instant end = instant(event.getEnd(), hours == null ? ZoneOffset.UTC : hours.zone());
        if (hours == null) {
            return List.<Instant[]>of(new Instant[] {start, end});
        }
        List<Instant[]> pieces = new ArrayList<>();
        LocalDate last = end.atZone(hours.zone()).toLocalDate();
        for (LocalDate day = start.atZone(hours.zone()).toLocalDate().minusDays(1); !day.isAfter(last);
             day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, hours.from(), hours.zone()).toInstant();
            Instant close = ZonedDateTime.of(day, hours.to(), hours.zone()).toInstant();
            Instant from = open.isAfter(start) ? open : start;
            Instant to = close.isBefore(end) ? close : end;
            if (from.isBefore(to)) {
                pieces.add(new Instant[] {from, to});
            }
        }
        return pieces;
    }

    /** An all-day date as midnight where it is seen; the times of a timed event as they are. */
    private static Instant instant(EventDateTime time, ZoneId zone) {
        if (time.getDateTime() != null) {
            return Instant.ofEpochMilli(time.getDateTime().getValue());
        }
        return LocalDate.parse(time.getDate().toStringRfc3339()).atStartOfDay(zone).toInstant();
    }

    /** The block title: {calendar} and {title} filled in once each, "Busy" when nothing is left. */
    private static String title(String template, String calendarName, String sourceTitle) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{calendar}", i)) {
                out.append(calendarName);
                i += "{calendar}".length();
            } else if (template.startsWith("{title}", i)) {
                out.append(sourceTitle == null ? "" : sourceTitle);
                i += "{title}".length();
            } else {
                out.append(template.charAt(i++));
            }
        }
        String title = out.toString().strip();
        return title.isEmpty() ? "Busy" : title;
    }

    private static Map<String, String> marker(Event event) {
        if (event.getExtendedProperties() == null || event.getExtendedProperties().getPrivate() == null) {
            return Map.of();
        }
        return event.getExtendedProperties().getPrivate();
    }

    /**
     * An occurrence is named by its series: a source instance by its recurringEventId, a block occurrence by
     * the series part of the source id its marker names (an override may name the source instance).
     */
    private static String key(String sourceCalendar, String sourceEvent, Event event) {
        // A source instance "id_…", a piece cut by the hours "id~n", an occurrence written alone "id@…".
        String series = sourceEvent == null ? null : sourceEvent.split("[_~@]", 2)[0];
        return sourceCalendar + "|" + series + "|" + instant(event.getStart(), ZoneOffset.UTC) + "|"
                + instant(event.getEnd(), ZoneOffset.UTC);
    }
}
