package dev.calsync.caldav.ical;

import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Optional;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Between ical4j's temporals and core's {@link EventTime}. A zoned value becomes an {@link Instant} with the
 * zone named in its TZID (ical4j's own zone ids never leave this class); a floating value is read in the
 * calendar's zone; a date is a date.
 */
public final class IcalTimes {
    public static final String UTC = "UTC";
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcalTimes() {
    }

    /**
     * @param floatingZone zone for values without TZID and without 'Z' (RFC 5545 §3.3.5 form 1)
     * @throws MalformedResourceException when the value cannot be placed in time (an unknown TZID, no VTIMEZONE)
     */
    public static EventTime read(DateProperty<?> property, String floatingZone) throws MalformedResourceException {
        Temporal value;
        try {
            value = property.getDate();
        } catch (RuntimeException e) {
            throw new MalformedResourceException(property.getName() + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (value == null) {
            throw new MalformedResourceException(property.getName() + " has no value");
        }
        Optional<String> tzid = property.<TzId>getParameter(Parameter.TZID).map(TzId::getValue);
        return of(value, tzid.orElse(null), floatingZone);
    }

    static EventTime of(Temporal value, String tzid, String floatingZone) throws MalformedResourceException {
        if (value instanceof LocalDate date) {
            return EventTime.on(date);
        }
        if (value instanceof LocalDateTime local) {
            return EventTime.at(local.atZone(ZoneId.of(floatingZone)).toInstant(), floatingZone);
        }
        if (value instanceof ZonedDateTime zoned) {
            // A custom VTIMEZONE without an IANA name: the instant is right, the zone has no name others know.
            String zone = tzid == null ? UTC : ZoneNames.ianaOf(tzid).orElse(null);
            return EventTime.at(zoned.toInstant(), zone);
        }
        if (value instanceof OffsetDateTime offset) {
            return EventTime.at(offset.toInstant(), UTC);
        }
        if (value instanceof Instant instant) {
            return EventTime.at(instant, UTC);
        }
        throw new MalformedResourceException("unsupported date value " + value.getClass().getSimpleName());
    }

    /** Where an occurrence sits, comparable whatever form (TZID, UTC, floating) each side wrote it in. */
    public static String key(EventTime time) {
        return time instanceof EventTime.AllDay day ? day.date().toString() : time.instant().toString();
    }

    public static String key(Temporal value, String floatingZone) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.of(floatingZone)).toInstant().toString();
        }
        return Instant.from(value).toString();
    }

    /**
     * The temporal to write: a date; a date-time in the zone when ical4j has a VTIMEZONE under exactly that name
     * (so the TZID reads back as written); otherwise UTC.
     */
    public static Temporal toTemporal(EventTime time) {
        if (time instanceof EventTime.AllDay day) {
            return day.date();
        }
        EventTime.Timed timed = (EventTime.Timed) time;
        return writableZone(timed.timeZone())
                .<Temporal>map(zone -> ZonedDateTime.ofInstant(timed.instant(), ZoneId.of(zone)))
                .orElseGet(() -> timed.instant().atOffset(ZoneOffset.UTC));
    }

    /** The VTIMEZONE of a zone we write TZIDs for. */
    public static Optional<TimeZone> vtimezone(String zone) {
        return writableZone(zone).map(REGISTRY::getTimeZone);
    }

    static Optional<String> writableZone(String zone) {
        if (zone == null || ZoneNames.ianaOf(zone).filter(zone::equals).isEmpty()) {
            return Optional.empty();
        }
        TimeZone known = REGISTRY.getTimeZone(zone);
        boolean sameName = known != null && known.getVTimeZone().getProperty(Property.TZID)
                .map(p -> p.getValue().equals(zone)).orElse(false);
        return sameName ? Optional.of(zone) : Optional.empty();
    }
}
