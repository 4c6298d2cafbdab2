package dev.calsync.caldav.dav;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One WebDAV request as data, so a retry or a redirect can send it again unchanged.
 *
 * @param body the request body, or null for none
 */
public record DavRequest(String method, URI uri, Map<String, String> headers, String body) {
    private static final String XML = "application/xml; charset=utf-8";

    public DavRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    public static DavRequest propfind(URI uri, int depth, String xml) {
        return new DavRequest("PROPFIND", uri, Map.of("Depth", Integer.toString(depth), "Content-Type", XML), xml);
    }

    public static DavRequest report(URI uri, int depth, String xml) {
        return new DavRequest("REPORT", uri, Map.of("Depth", Integer.toString(depth), "Content-Type", XML), xml);
    }

    public static DavRequest mkcalendar(URI uri, String xml) {
        return new DavRequest("MKCALENDAR", uri, xml == null ? Map.of() : Map.of("Content-Type", XML), xml);
    }

    public static DavRequest get(URI uri) {
        return new DavRequest("GET", uri, Map.of("Accept", "text/calendar"), null);
    }

    /** A PUT of an iCalendar resource with one precondition header ("If-None-Match: *" or "If-Match: etag"). */
    public static DavRequest put(URI uri, String ics, String conditionHeader, String conditionValue) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/calendar; charset=utf-8");
        if (conditionHeader != null) {
            headers.put(conditionHeader, conditionValue);
        }
        return new DavRequest("PUT", uri, headers, ics);
    }

    public static DavRequest delete(URI uri, String ifMatch) {
        return new DavRequest("DELETE", uri, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch), null);
    }

    public DavRequest at(URI other) {
        return new DavRequest(method, other, headers, body);
    }
}
