package dev.calsync.caldav.ical;

import java.time.zone.ZoneRulesProvider;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Turns a TZID as clients write it into an IANA zone id. ical4j answers every TZID with a zone of its own
 * making ({@code ical4j-local-…}) that no other part of calsync, nor Google, knows: only the name written in the
 * file counts, read as an IANA id, one of ical4j's aliases (Windows names, old Olson names), or the IANA id at the
 * end of a vendor prefix such as {@code /mozilla.org/20050126_1/Europe/Berlin}.
 */
public final class ZoneNames {
    private static final Set<String> IANA = ZoneRulesProvider.getAvailableZoneIds();
    private static final Pattern TRAILING_REGION = Pattern.compile("([A-Za-z_]+(?:/[A-Za-z0-9_+\\-]+){1,2})$");

    private ZoneNames() {
    }

    public static Optional<String> ianaOf(String tzid) {
        if (tzid == null) {
            return Optional.empty();
        }
        String name = tzid.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.startsWith("ical4j")) {
            return Optional.empty();
        }
        if (IANA.contains(name)) {
            return Optional.of(name);
        }
        String alias = TimeZoneRegistry.ZONE_ALIASES.get(name);
        if (alias != null && IANA.contains(alias.strip())) {
            return Optional.of(alias.strip());
        }
        Matcher trailing = TRAILING_REGION.matcher(name);
        if (trailing.find() && IANA.contains(trailing.group(1))) {
            return Optional.of(trailing.group(1));
        }
        return Optional.empty();
    }

    /** The zone of a collection's calendar-timezone property (a VCALENDAR holding one VTIMEZONE). */
    public static Optional<String> ofVtimezone(String icalendar) {
        try {
            Calendar calendar = IcalText.parse(icalendar);
            return calendar.<VTimeZone>getComponent(Component.VTIMEZONE)
                    .flatMap(tz -> tz.<Property>getProperty(Property.TZID))
                    .flatMap(tzid -> ianaOf(tzid.getValue()));
        } catch (Exception unreadable) {
            // A broken calendar-timezone only loses the default zone for floating times: UTC is used instead.
            return Optional.empty();
        }
    }
}
