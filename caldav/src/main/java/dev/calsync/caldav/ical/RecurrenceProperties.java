package dev.calsync.caldav.ical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;

/**
 * A series' RRULE/EXRULE/RDATE/EXDATE lines (core's form: one iCalendar property per line) to and from ical4j
 * properties. Lines are parsed by ical4j inside a minimal VEVENT, never by hand; a line that is not exactly one
 * of those four properties is refused, so a source's text can never smuggle an ATTENDEE or a VALARM into a block.
 */
public final class RecurrenceProperties {
    static final List<String> NAMES = List.of(Property.RRULE, Property.EXRULE, Property.RDATE, Property.EXDATE);
    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RecurrenceProperties() {
    }

    /** @throws IllegalArgumentException naming the line that is not a recurrence property ical4j can read */
    public static List<Property> parse(List<String> lines) {
        List<Property> properties = new ArrayList<>();
        for (String line : lines) {
            properties.add(parseOne(line));
        }
        return properties;
    }

    private static Property parseOne(String line) {
        if (line == null || line.isBlank() || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a single recurrence line: '" + line + "'");
        }
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calsync//recurrence//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:x\r\nDTSTAMP:20000101T000000Z\r\n" + line.strip() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        List<Property> parsed;
        try {
            Calendar calendar = IcalText.parse(ics);
            VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
            parsed = event.getProperties().stream()
                    .filter(p -> !p.getName().equals(Property.UID) && !p.getName().equals(Property.DTSTAMP))
                    .toList();
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable recurrence line '" + line + "'", e);
        }
        if (parsed.size() != 1 || !NAMES.contains(parsed.get(0).getName().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a recurrence property: '" + line + "'");
        }
        return parsed.get(0);
    }

    /**
     * The master's recurrence as core's lines, in file order. A TZID given as an alias becomes its IANA name; one
     * of a custom VTIMEZONE that has none is written out in UTC, so the lines mean the same instants without it.
     */
    public static List<String> lines(VEvent master) {
        List<String> lines = new ArrayList<>();
        for (Property property : master.getProperties()) {
            if (NAMES.contains(property.getName().toUpperCase(Locale.ROOT))) {
                lines.add(text(portable(property)));
            }
        }
        return lines;
    }

    static String text(Property property) {
        return property.toString().strip();
    }

    private static Property portable(Property property) {
        if (!(property instanceof DateListProperty<?> dates)) {
            return property;
        }
        Optional<TzId> tzid = property.getParameter(Parameter.TZID);
        if (tzid.isEmpty()) {
            return property;
        }
        Optional<String> iana = ZoneNames.ianaOf(tzid.get().getValue());
        if (iana.isPresent() && iana.get().equals(tzid.get().getValue())) {
            return property;
        }
        String value;
        ParameterList parameters;
        if (iana.isPresent()) {
            value = property.getValue();
            parameters = property.getParameterList().replace(new TzId(iana.get()));
        } else {
            value = dates.getDates().stream().map(d -> UTC_FORM.format(Instant.from(d))).collect(Collectors.joining(","));
            parameters = property.getParameterList().removeAll(Parameter.TZID);
        }
        return property.getName().equalsIgnoreCase(Property.EXDATE)
                ? new ExDate<>(parameters, value) : new RDate<>(parameters, value);
    }

    /**
     * What the lines mean, as comparable keys: rules in ical4j's normal form, dates as instants (or dates). Two
     * line lists with the same keys describe the same series, however a server re-wrote them.
     */
    public static Set<String> meaning(List<Property> properties, String floatingZone) {
        Set<String> keys = new LinkedHashSet<>();
        for (Property property : properties) {
            String name = property.getName().toUpperCase(Locale.ROOT);
            if (property instanceof RDate<?> rdate && rdate.getPeriods().isPresent()) {
                rdate.getPeriods().get().forEach(period -> keys.add(name + " " + period));
            } else if (property instanceof DateListProperty<?> dates) {
                dates.getDates().forEach(d -> keys.add(name + " " + IcalTimes.key((Temporal) d, floatingZone)));
            } else {
                keys.add(name + " " + property.getValue());
            }
        }
        return keys;
    }

    /** The occurrence keys (see {@link IcalTimes#key}) that the EXDATEs among the properties remove. */
    public static Set<String> exdates(List<Property> properties, String floatingZone) {
        Set<String> keys = new LinkedHashSet<>();
        for (Property property : properties) {
            if (property instanceof ExDate<?> exdate) {
                exdate.getDates().forEach(d -> keys.add(IcalTimes.key((Temporal) d, floatingZone)));
            }
        }
        return keys;
    }
}
