package dev.calsync.caldav.dav;

import javax.xml.namespace.QName;

/** The element names of WebDAV (RFC 4918, 6578), CalDAV (RFC 4791) and calendarserver.org that we read. */
public final class DavNames {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    public static final QName MULTISTATUS = dav("multistatus");
    public static final QName RESPONSE = dav("response");
    public static final QName HREF = dav("href");
    public static final QName STATUS = dav("status");
    public static final QName PROPSTAT = dav("propstat");
    public static final QName PROP = dav("prop");
    public static final QName ERROR = dav("error");
    public static final QName SYNC_TOKEN = dav("sync-token");
    public static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
    public static final QName NUMBER_OF_MATCHES_WITHIN_LIMITS = dav("number-of-matches-within-limits");
    public static final QName GETETAG = dav("getetag");
    public static final QName RESOURCETYPE = dav("resourcetype");
    public static final QName COLLECTION = dav("collection");
    public static final QName DISPLAYNAME = dav("displayname");
    public static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    public static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
    public static final QName PRIVILEGE = dav("privilege");
    public static final QName ALL = dav("all");
    public static final QName WRITE = dav("write");
    public static final QName WRITE_CONTENT = dav("write-content");
    public static final QName BIND = dav("bind");
    public static final QName UNBIND = dav("unbind");
    public static final QName READ = dav("read");

    public static final QName CALENDAR = caldav("calendar");
    public static final QName CALENDAR_DATA = caldav("calendar-data");
    public static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");
    public static final QName CALENDAR_USER_ADDRESS_SET = caldav("calendar-user-address-set");
    public static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");
    public static final QName COMP = caldav("comp");
    public static final QName CALENDAR_TIMEZONE = caldav("calendar-timezone");

    public static final QName GETCTAG = new QName(CALENDARSERVER, "getctag");

    private DavNames() {
    }

    private static QName dav(String name) {
        return new QName(DAV, name);
    }

    private static QName caldav(String name) {
        return new QName(CALDAV, name);
    }
}
