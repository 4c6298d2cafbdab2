package dev.calsync.integration.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "A stored sync token is never ahead of what was applied": after every pass (crashed, raced or whole), every
 * change a stored token says was seen is in the group's source cache, which is committed together with the
 * token only after all writes the changes imply succeeded. A token ahead of its cache would make the next
 * incremental read skip changes for good.
 */
final class TokenCheck {
    private TokenCheck() {
    }

    static void assertTokensNotAhead(World world) {
        for (SyncGroup group : world.groups.values()) {
            for (CalendarRef calendar : group.calendars()) {
                String token = world.rig.store.syncState(group.id(), calendar).syncToken();
                if (token == null) {
                    continue;
                }
                long seen = world.rig.emulator.syncTokenSequence(calendar.calendarId(), token);
                if (seen < 0) {
                    continue; // expired: the next read starts over with a full list
                }
                Map<String, SourceEvent> cached = world.rig.store.cachedEvents(group.id(), calendar).stream()
                        .collect(Collectors.toMap(SourceEvent::id, Function.identity(), (a, b) -> b));
                for (ObjectNode event : world.rig.emulator.userListAll(calendar.calendarId(), true)) {
                    String id = event.get("id").asText();
                    if (Oracle.isBlock(event) || world.rig.emulator.changeSequenceOf(calendar.calendarId(), id) > seen) {
                        continue;
                    }
                    SourceEvent cache = cached.get(id);
                    String what = "group " + group.id() + ", calendar " + calendar.calendarId() + ", event " + id
                            + ": token at change " + seen + " but the cache has ";
                    if ("cancelled".equals(event.path("status").asText())) {
                        assertThat(cache == null || cache.status() == EventStatus.CANCELLED)
                                .as(what + "a live version of a deleted event").isTrue();
                        continue;
                    }
                    assertThat(cache).as(what + "nothing").isNotNull();
                    assertThat(describe(cache)).as(what + "an older version").isEqualTo(describe(event));
                }
            }
        }
    }

    private static String describe(SourceEvent event) {
        return event.status().name().toLowerCase() + " " + time(event.start()) + " " + time(event.end())
                + (event.transparent() ? " transparent" : "") + (event.selfResponse() == ResponseStatus.DECLINED ? " declined" : "");
    }

    private static String describe(ObjectNode event) {
        boolean declined = false;
        for (var attendee : event.path("attendees")) {
            declined |= attendee.path("self").asBoolean() && "declined".equals(attendee.path("responseStatus").asText());
        }
        return event.path("status").asText("confirmed") + " " + time(event.path("start")) + " " + time(event.path("end"))
                + ("transparent".equals(event.path("transparency").asText()) ? " transparent" : "")
                + (declined ? " declined" : "");
    }

    private static String time(EventTime time) {
        if (time instanceof EventTime.Timed timed) {
            return timed.instant().toString();
        }
        return time == null ? "-" : "date " + ((EventTime.AllDay) time).date();
    }

    private static String time(com.fasterxml.jackson.databind.JsonNode time) {
        if (time.has("dateTime")) {
            return World.instant(time).toString();
        }
        return time.has("date") ? "date " + time.path("date").asText() : "-";
    }
}
