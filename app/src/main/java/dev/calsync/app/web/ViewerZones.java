package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.store.Account;
import jakarta.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The time zone pages draw times in, without JavaScript to ask the browser: the one the person picked (kept in the
 * session), else the zone of their first account's primary calendar, else UTC.
 */
@Component
public class ViewerZones {

    static final String SESSION_KEY = ViewerZones.class.getName();

    private final OwnedResources owned;
    private final CalendarLists calendarLists;

    public ViewerZones(OwnedResources owned, CalendarLists calendarLists) {
        this.owned = owned;
        this.calendarLists = calendarLists;
    }

    /** @param requested a zone id from the page's "Times in" choice, or null; an unknown one is ignored */
    public ZoneId of(SignedInUser user, HttpSession session, String requested) {
        Optional<ZoneId> asked = parse(requested);
        if (asked.isPresent()) {
            session.setAttribute(SESSION_KEY, asked.get().getId());
            return asked.get();
        }
        return parse((String) session.getAttribute(SESSION_KEY)).orElseGet(() -> calendars(user).stream()
                .filter(CalendarInfo::primary).map(CalendarInfo::timeZone).map(ViewerZones::parse)
                .flatMap(Optional::stream).findFirst().orElse(ZoneId.of("UTC")));
    }

    /** What the "Times in" choice offers: the zones of the person's calendars, UTC, and the current one. */
    public List<String> choices(SignedInUser user, ZoneId current) {
        TreeSet<String> zones = new TreeSet<>(List.of("UTC", current.getId()));
        calendars(user).stream().map(CalendarInfo::timeZone).map(ViewerZones::parse).flatMap(Optional::stream)
                .forEach(zone -> zones.add(zone.getId()));
        return List.copyOf(zones);
    }

    private List<CalendarInfo> calendars(SignedInUser user) {
        List<CalendarInfo> calendars = new ArrayList<>();
        for (Account account : owned.accounts(user)) {
            calendarLists.cached(account.id()).ifPresent(listed -> calendars.addAll(listed.calendars()));
        }
        return calendars;
    }

    private static Optional<ZoneId> parse(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
