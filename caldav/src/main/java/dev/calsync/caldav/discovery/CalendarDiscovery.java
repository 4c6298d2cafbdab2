package dev.calsync.caldav.discovery;

import dev.calsync.caldav.dav.DavBodies;
import dev.calsync.caldav.dav.DavClient;
import dev.calsync.caldav.dav.DavFailures;
import dev.calsync.caldav.dav.DavNames;
import dev.calsync.caldav.dav.DavRequest;
import dev.calsync.caldav.dav.DavResponse;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.dav.Multistatus;
import dev.calsync.caldav.dav.XmlNode;
import dev.calsync.caldav.ical.ZoneNames;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ProviderException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * RFC 6764 / RFC 4791 discovery from whatever URL a person knows: the server root, the principal or the calendar
 * home. From the given URL (or, when it names no principal, {@code /.well-known/caldav} on its host) to
 * {@code current-user-principal}, to {@code calendar-home-set}, to the home's calendar collections that take
 * VEVENTs. Redirects (iCloud's per-account hosts) are followed by {@link DavClient}.
 */
public final class CalendarDiscovery {
    private static final List<QName> ENTRY_PROPS = List.of(DavNames.CURRENT_USER_PRINCIPAL,
            DavNames.CALENDAR_HOME_SET, DavNames.CALENDAR_USER_ADDRESS_SET, DavNames.RESOURCETYPE);
    private static final List<QName> PRINCIPAL_PROPS = List.of(DavNames.CALENDAR_HOME_SET,
            DavNames.CALENDAR_USER_ADDRESS_SET);
    private static final List<QName> COLLECTION_PROPS = List.of(DavNames.RESOURCETYPE, DavNames.DISPLAYNAME,
            DavNames.SUPPORTED_CALENDAR_COMPONENT_SET, DavNames.CURRENT_USER_PRIVILEGE_SET, DavNames.CALENDAR_TIMEZONE);

    private final DavClient client;

    public CalendarDiscovery(DavClient client) {
        this.client = client;
    }

    /** @param account names the account in call counts and messages */
    public DiscoveredAccount discover(URI start, CalendarRef account) {
        Optional<Multistatus.Entry> entry = depthZero(start, ENTRY_PROPS, account);
        if (entry.isEmpty() || (!entry.get().found().containsKey(DavNames.CURRENT_USER_PRINCIPAL)
                && !entry.get().found().containsKey(DavNames.CALENDAR_HOME_SET))) {
            Optional<Multistatus.Entry> wellKnown = depthZero(start.resolve("/.well-known/caldav"), ENTRY_PROPS, account);
            if (wellKnown.isPresent() && wellKnown.get().found().containsKey(DavNames.CURRENT_USER_PRINCIPAL)) {
                entry = wellKnown;
            }
        }
        if (entry.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, 404, "discovery",
                    "CalDAV discovery: " + start.getHost() + start.getRawPath() + " answers no PROPFIND");
        }
        Multistatus.Entry here = entry.get();
        URI principal = firstHref(here, DavNames.CURRENT_USER_PRINCIPAL).orElse(here.href());
        Multistatus.Entry principalEntry = here;
        if (!Hrefs.samePath(principal, here.href()) || !here.found().containsKey(DavNames.CALENDAR_HOME_SET)) {
            principalEntry = depthZero(principal, PRINCIPAL_PROPS, account).orElse(here);
        }
        // No calendar-home-set anywhere: the URL given is taken to be the home itself.
        URI home = firstHref(principalEntry, DavNames.CALENDAR_HOME_SET)
                .or(() -> firstHref(here, DavNames.CALENDAR_HOME_SET))
                .orElse(here.href());
        List<URI> addresses = hrefs(principalEntry, DavNames.CALENDAR_USER_ADDRESS_SET);
        return new DiscoveredAccount(principal, home, addresses, calendars(Hrefs.asCollection(home), account));
    }

    private List<DavCalendar> calendars(URI home, CalendarRef account) {
        DavRequest request = DavRequest.propfind(home, 1, DavBodies.propfind(COLLECTION_PROPS));
        List<DavCalendar> calendars = new ArrayList<>();
        for (Multistatus.Entry entry : client.multistatus(request, account, CallKind.CALENDAR_LIST).entries()) {
            boolean calendar = entry.prop(DavNames.RESOURCETYPE).map(t -> t.has(DavNames.CALENDAR)).orElse(false);
            if (calendar && takesEvents(entry)) {
                calendars.add(new DavCalendar(entry.href(), entry.text(DavNames.DISPLAYNAME).orElse(null),
                        access(entry), entry.text(DavNames.CALENDAR_TIMEZONE).flatMap(ZoneNames::ofVtimezone).orElse(null)));
            }
        }
        return calendars;
    }

    /** RFC 4791 §5.2.3: without the property, any component may be stored. */
    private static boolean takesEvents(Multistatus.Entry entry) {
        return entry.prop(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET)
                .map(set -> set.all(DavNames.COMP).stream().anyMatch(c -> "VEVENT".equalsIgnoreCase(c.attribute("name"))))
                .orElse(true);
    }

    /**
     * RFC 3744 privileges. A server that does not report them (the property is optional) is taken to let the
     * owner write: a refused write says otherwise soon enough.
     */
    static String access(Multistatus.Entry entry) {
        Optional<XmlNode> set = entry.prop(DavNames.CURRENT_USER_PRIVILEGE_SET);
        if (set.isEmpty()) {
            return "writer";
        }
        List<QName> granted = set.get().all(DavNames.PRIVILEGE).stream()
                .flatMap(p -> p.children().stream()).map(XmlNode::name).toList();
        if (granted.contains(DavNames.ALL)) {
            return "owner";
        }
        if (granted.contains(DavNames.WRITE) || granted.contains(DavNames.WRITE_CONTENT)) {
            return "writer";
        }
        return "reader";
    }

    private Optional<Multistatus.Entry> depthZero(URI uri, List<QName> props, CalendarRef account) {
        DavRequest request = DavRequest.propfind(uri, 0, DavBodies.propfind(props));
        DavResponse response = client.send(request, account, CallKind.CALENDAR_LIST);
        if (response.status() != 207) {
            return Optional.empty();
        }
        return DavFailures.multistatus(request, response).entries().stream().findFirst();
    }

    private static Optional<URI> firstHref(Multistatus.Entry entry, QName property) {
        return hrefs(entry, property).stream().findFirst();
    }

    private static List<URI> hrefs(Multistatus.Entry entry, QName property) {
        return entry.prop(property)
                .map(p -> p.all(DavNames.HREF).stream().map(XmlNode::text).map(String::strip)
                        .filter(t -> !t.isEmpty()).map(h -> Hrefs.resolve(entry.href(), h)).toList())
                .orElse(List.of());
    }
}
