package dev.calsync.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.event.EventTime;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * The complete Google body of a busy block (DESIGN.md "Block body"): the title and times from the
 * {@link BlockBody} (and its colour as {@code colorId}, where the group sets one), and the fixed rest — opaque, private, no reminders, confirmed, the marker — with no
 * attendees, description, location or conference data. Insert and update both send this full body, so an
 * update (PUT) also wipes anything a person added by hand and revives a deleted block.
 */
final class BlockEventFactory {

    private BlockEventFactory() {
    }

    static Event toEvent(String eventId, BlockBody body) {
        Event event = new Event()
                .setId(eventId)
                .setSummary(body.summary())
                .setStart(toDateTime(body.start()))
                .setEnd(toDateTime(body.end()))
                .setTransparency("opaque")
                .setVisibility("private")
                .setStatus("confirmed")
                // Mutable collections only: the client's clone() deep-copies and fails on immutable ones.
                .setReminders(new Event.Reminders().setUseDefault(false).setOverrides(new ArrayList<EventReminder>()))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(new HashMap<>(body.marker())));
        if (!body.recurrence().isEmpty()) {
            event.setRecurrence(new ArrayList<>(body.recurrence()));
        }
        if (body.color() != null) {
            // calsync's palette is Google's event palette (colors.get "event"): the index is the colorId.
            event.setColorId(Integer.toString(body.color()));
        }
        return event;
    }

    static EventDateTime toDateTime(EventTime time) {
        if (time instanceof EventTime.AllDay allDay) {
            return new EventDateTime().setDate(DateTime.parseRfc3339(allDay.date().toString()));
        }
        EventTime.Timed timed = (EventTime.Timed) time;
        // UTC on the wire (tzShift 0 → "…Z"); the zone the source was written in travels as timeZone, which
        // Google needs to expand a recurring series across DST changes.
        return new EventDateTime()
                .setDateTime(new DateTime(false, timed.instant().toEpochMilli(), 0))
                .setTimeZone(timed.timeZone());
    }
}
