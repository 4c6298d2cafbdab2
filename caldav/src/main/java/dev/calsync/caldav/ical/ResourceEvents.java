package dev.calsync.caldav.ical;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * One calendar resource (a master VEVENT and its sibling overrides, RFC 4791 §4.1) as core's {@link SourceEvent}s,
 * parsed by ical4j. Busy time is decided in core from what is mapped here: TRANSP, STATUS, and the PARTSTAT of
 * the account's own ATTENDEE. For calsync's own blocks the {@link WrittenForm} is read back, and EXDATEs calsync
 * added to cancel single occurrences come back as cancelled occurrences, the way core cancelled them.
 */
public final class ResourceEvents {

    private ResourceEvents() {
    }

    /**
     * @param resourceName the member's name in its collection ({@code <id>.ics})
     * @return the events, none for a resource without VEVENTs (a task, a journal)
     * @throws MalformedResourceException when the text is no iCalendar or an event cannot be placed in time
     */
    public static List<SourceEvent> parse(String resourceName, String ics, ReadContext context)
            throws MalformedResourceException {
        try {
            return read(resourceName, ics, context);
        } catch (RuntimeException e) {
            // ical4j parses values lazily: whatever it still throws means this resource, not the calendar, is broken.
            throw new MalformedResourceException("unreadable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static List<SourceEvent> read(String resourceName, String ics, ReadContext context)
            throws MalformedResourceException {
        String id = EventIds.ofResource(resourceName);
        List<VEvent> vevents = IcalText.parse(ics).getComponents(Component.VEVENT);
        List<VEvent> masters = vevents.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).toList();
        if (masters.size() > 1) {
            throw new MalformedResourceException(masters.size() + " VEVENTs without RECURRENCE-ID in one resource");
        }
        List<SourceEvent> events = new ArrayList<>();
        SourceEvent series = null;
        if (!masters.isEmpty()) {
            VEvent master = masters.get(0);
            SourceEvent read = event(master, id, null, null, RecurrenceProperties.lines(master), context);
            if (BlockMarker.isBlock(read.privateProperties())) {
                BlockEcho echo = BlockEcho.of(master, read, context.floatingZone());
                read = echo.master();
                events.add(read);
                events.addAll(echo.cancelledOccurrences());
            } else {
                events.add(read);
            }
            series = read.isSeries() ? read : null;
        }
        for (VEvent override : vevents) {
            Optional<DateProperty<?>> recurrenceId = override.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isEmpty()) {
                continue;
            }
            EventTime originalStart = IcalTimes.read(recurrenceId.get(), context.floatingZone());
            String occurrenceId = EventIds.occurrence(id, originalStart);
            // An override without its series (an invitation to one occurrence) is an event of its own.
            events.add(series == null
                    ? event(override, occurrenceId, null, null, List.of(), context)
                    : event(override, occurrenceId, id, originalStart, List.of(), context));
        }
        return events;
    }

    static SourceEvent event(VEvent vevent, String id, String seriesId, EventTime originalStart,
                             List<String> recurrence, ReadContext context) throws MalformedResourceException {
        EventStatus status = status(vevent);
        Optional<DateProperty<?>> dtstart = vevent.getProperty(Property.DTSTART);
        EventTime start = null;
        EventTime end = null;
        if (dtstart.isPresent()) {
            start = IcalTimes.read(dtstart.get(), context.floatingZone());
            end = end(vevent, start, context);
        } else if (status != EventStatus.CANCELLED) {
            throw new MalformedResourceException("VEVENT without DTSTART");
        }
        if (start != null && end.instant().isBefore(start.instant())) {
            throw new MalformedResourceException("VEVENT ends before it starts");
        }
        // iCalendar has no event types that mean "not busy" the way working locations do: every VEVENT is a
        // DEFAULT entry, and TRANSP says whether it blocks time.
        return new SourceEvent(id, status, start, end,
                vevent.getProperty(Property.TRANSP).map(p -> "TRANSPARENT".equalsIgnoreCase(p.getValue())).orElse(false),
                EventKind.DEFAULT, selfResponse(vevent, context), recurrence, seriesId, originalStart,
                vevent.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null),
                MarkerProperties.read(vevent), updated(vevent), vevent.getUid().map(Property::getValue).orElse(null));
    }

    /** DTEND, else DTSTART + DURATION, else RFC 5545 §3.6.1: one day for a date, no length for a date-time. */
    private static EventTime end(VEvent vevent, EventTime start, ReadContext context) throws MalformedResourceException {
        Optional<DateProperty<?>> dtend = vevent.getProperty(Property.DTEND);
        if (dtend.isPresent()) {
            EventTime end = IcalTimes.read(dtend.get(), context.floatingZone());
            if ((end instanceof EventTime.AllDay) != (start instanceof EventTime.AllDay)) {
                throw new MalformedResourceException("DTSTART and DTEND of different kinds");
            }
            return end;
        }
        Optional<net.fortuna.ical4j.model.property.Duration> duration = vevent.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            try {
                if (start instanceof EventTime.AllDay day) {
                    return EventTime.on(day.date().plus(amount));
                }
                EventTime.Timed timed = (EventTime.Timed) start;
                ZoneId zone = ZoneId.of(timed.timeZone() == null ? IcalTimes.UTC : timed.timeZone());
                return EventTime.at(timed.instant().atZone(zone).plus(amount).toInstant(), timed.timeZone());
            } catch (RuntimeException e) {
                throw new MalformedResourceException("unusable DURATION", e);
            }
        }
        if (start instanceof EventTime.AllDay day) {
            return EventTime.on(day.date().plusDays(1));
        }
        return start;
    }

    private static EventStatus status(VEvent vevent) {
        String status = vevent.getProperty(Property.STATUS).map(Property::getValue).orElse("CONFIRMED")
                .toUpperCase(Locale.ROOT);
        return switch (status) {
            case "CANCELLED" -> EventStatus.CANCELLED;
            case "TENTATIVE" -> EventStatus.TENTATIVE;
            default -> EventStatus.CONFIRMED;
        };
    }

    /** The PARTSTAT of the account's own ATTENDEE; none when the account is not invited (or is the organizer). */
    static ResponseStatus selfResponse(VEvent vevent, ReadContext context) {
        for (Property property : vevent.getProperties(Property.ATTENDEE)) {
            Attendee attendee = (Attendee) property;
            if (!context.isOwn(attendee.getCalAddress())) {
                continue;
            }
            String partstat = attendee.<PartStat>getParameter(Parameter.PARTSTAT).map(PartStat::getValue)
                    .orElse("NEEDS-ACTION").toUpperCase(Locale.ROOT);
            return switch (partstat) {
                case "ACCEPTED" -> ResponseStatus.ACCEPTED;
                case "TENTATIVE" -> ResponseStatus.TENTATIVE;
                // Delegated: someone else attends in the account's place, so it is no busy time of its own.
                case "DECLINED", "DELEGATED" -> ResponseStatus.DECLINED;
                default -> ResponseStatus.NEEDS_ACTION;
            };
        }
        return null;
    }

    private static Instant updated(VEvent vevent) {
        for (String name : List.of(Property.LAST_MODIFIED, Property.DTSTAMP)) {
            Optional<DateProperty<?>> property = vevent.getProperty(name);
            try {
                if (property.isPresent() && property.get().getDate() != null) {
                    return Instant.from(property.get().getDate());
                }
            } catch (RuntimeException unreadable) {
                // a stamp decides nothing; the other one, or none, will do
            }
        }
        return null;
    }

    /** A block master read back: its written form believed while the real properties agree with it. */
    private record BlockEcho(SourceEvent master, List<SourceEvent> cancelledOccurrences) {

        static BlockEcho of(VEvent vevent, SourceEvent read, String floatingZone) {
            EventTime start = WrittenForm.asWritten(read.start(), WrittenForm.startZone(vevent));
            EventTime end = WrittenForm.asWritten(read.end(), WrittenForm.endZone(vevent));
            List<String> written = WrittenForm.recurrence(vevent);
            List<String> recurrence = read.recurrence();
            List<SourceEvent> cancelled = new ArrayList<>();
            Optional<Set<String>> added = AddedExdates.of(written, read.recurrence(), floatingZone);
            if (added.isPresent()) {
                recurrence = written;
                for (String key : added.get()) {
                    EventTime original = occurrenceStart(key, start);
                    cancelled.add(new SourceEvent(EventIds.occurrence(read.id(), original), EventStatus.CANCELLED,
                            null, null, false, null, null, List.of(), read.id(), original, null,
                            read.privateProperties(), read.updated(), read.meetingId()));
                }
            }
            SourceEvent master = new SourceEvent(read.id(), read.status(), start, end, read.transparent(),
                    read.kind(), read.selfResponse(), recurrence, null, null, read.summary(),
                    read.privateProperties(), read.updated(), read.meetingId());
            return new BlockEcho(master, cancelled);
        }

        private static EventTime occurrenceStart(String key, EventTime seriesStart) {
            if (seriesStart instanceof EventTime.AllDay) {
                return EventTime.on(LocalDate.parse(key));
            }
            return EventTime.at(Instant.parse(key), ((EventTime.Timed) seriesStart).timeZone());
        }
    }
}
