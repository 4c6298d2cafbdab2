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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants, judged without the engine's own projection: what the emulator stores, expanded by the
 * emulator itself (singleEvents=true through the official client), on one side; the blocks on the other.
 * For every group and every calendar, the blocks of that group on it are exactly one per busy occurrence of
 * every other calendar of the group, at the same times, and there are none on calendars outside the group.
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
            for (CalendarRef target : world.calendars.values()) {
                List<String> expected = new ArrayList<>();
                if (group.calendars().contains(target)) {
                    Map<String, List<Copy>> copies = busyCopies(group, instances);
                    for (CalendarRef source : group.targetsFor(target)) {
                        String hash = BlockMarker.calendarHash(source);
                        instances.get(source.calendarId()).stream().filter(Oracle::busy)
                                .filter(e -> blockedByCopy(copies, source, target, e))
                                .forEach(e -> expected.add(key(hash,
                                        e.getRecurringEventId() != null ? e.getRecurringEventId() : e.getId(), e)));
                    }
                }
                List<String> actual = new ArrayList<>();
                for (Event block : instances.get(target.calendarId())) {
                    Map<String, String> marker = marker(block);
                    if (!"1".equals(marker.get(BlockMarker.FLAG)) || !group.id().equals(marker.get(BlockMarker.GROUP))) {
                        continue;
                    }
                    actual.add(key(marker.get(BlockMarker.SOURCE_CALENDAR), marker.get(BlockMarker.SOURCE_EVENT), block));
                    assertThat(block.getSummary()).as("block title").isEqualTo(group.busyTitle());
                    assertThat(block.getDescription()).as("block description (no content may leak)").isNull();
                    assertThat(block.getLocation()).as("block location").isNull();
                    assertThat(block.getVisibility()).as("block visibility").isEqualTo("private");
                }
                assertThat(actual).as("blocks of group %s on %s (source|event|start|end), %s", group.id(),
                        target.calendarId(), group.calendars().contains(target) ? "member" : "not a member")
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            VerifyReport report = new Verifier(world.rig.checkingProvider, world.rig.store, world.rig.recurrences,
                    world.rig.clock).verify(group);
            assertThat(report.problems()).as("Verifier problems of %s", group.id()).isEmpty();
            assertThat(report.error()).as("Verifier error of %s", group.id()).isNull();
        }
    }

    /** A busy single event of a group calendar that shares its iCalUID with others (a copy of one meeting). */
    private record Copy(String calendarKey, String eventId) {
    }

    /** The busy copies of each meeting on the group's calendars, by iCalUID, least (calendar, event id) first. */
    private static Map<String, List<Copy>> busyCopies(SyncGroup group, Map<String, List<Event>> instances) {
        Map<String, List<Copy>> copies = new java.util.HashMap<>();
        for (CalendarRef calendar : group.calendars()) {
            instances.get(calendar.calendarId()).stream()
                    .filter(e -> e.getRecurringEventId() == null && e.getICalUID() != null && busy(e))
                    .forEach(e -> copies.computeIfAbsent(e.getICalUID(), k -> new ArrayList<>())
                            .add(new Copy(calendar.key(), e.getId())));
        }
        copies.values().forEach(list -> list.sort(java.util.Comparator.comparing(Copy::calendarKey)
                .thenComparing(Copy::eventId)));
        copies.values().removeIf(list -> list.size() < 2);
        return copies;
    }

    /**
     * The copies rule, written again here: a meeting with busy copies on several calendars of the group gets no
     * block on a calendar that has a busy copy itself, and one block elsewhere, from the least copy.
     */
    private static boolean blockedByCopy(Map<String, List<Copy>> copies, CalendarRef source, CalendarRef target,
                                         Event event) {
        List<Copy> meeting = event.getRecurringEventId() == null ? copies.get(event.getICalUID()) : null;
        if (meeting == null) {
            return true;
        }
        if (meeting.stream().anyMatch(c -> c.calendarKey().equals(target.key()))) {
            return false;
        }
        return meeting.get(0).equals(new Copy(source.key(), event.getId()));
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

    /** The busy rule, written again here on purpose rather than borrowed from core. */
    private static boolean busy(Event event) {
        if ("cancelled".equals(event.getStatus()) || "transparent".equals(event.getTransparency())) {
            return false;
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
        int instance = sourceEvent == null ? -1 : sourceEvent.indexOf('_');
        String series = instance < 0 ? sourceEvent : sourceEvent.substring(0, instance);
        return sourceCalendar + "|" + series + "|" + time(event.getStart()) + "|" + time(event.getEnd());
    }

    private static String time(EventDateTime time) {
        if (time.getDateTime() != null) {
            return Instant.ofEpochMilli(time.getDateTime().getValue()).toString();
        }
        return "date " + time.getDate().toStringRfc3339();
    }
}
