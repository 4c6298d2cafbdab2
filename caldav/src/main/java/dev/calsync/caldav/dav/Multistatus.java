package dev.calsync.caldav.dav;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * A 207 Multi-Status body (RFC 4918 §13): one {@link Entry} per {@code response}, hrefs resolved against
 * the URI that answered, and the {@code sync-token} of a sync-collection report (RFC 6578).
 */
public record Multistatus(List<Entry> entries, String syncToken) {

    public Multistatus {
        entries = List.copyOf(entries);
    }

    /**
     * One {@code response}: either a status for the whole resource (a deleted member: 404; a cut-off answer for
     * the request URI: 507) or properties, those found (200) kept by name.
     *
     * @param status the response's own status, or 0 when it carries propstats instead
     */
    public record Entry(URI href, int status, Map<QName, XmlNode> found, XmlNode error) {
        public Entry {
            found = Map.copyOf(found);
        }

        public Optional<XmlNode> prop(QName name) {
            return Optional.ofNullable(found.get(name));
        }

        public Optional<String> text(QName name) {
            return prop(name).map(XmlNode::text).map(String::strip).filter(t -> !t.isEmpty());
        }

        public boolean hasError(QName condition) {
            return error != null && error.has(condition);
        }
    }

    /** @throws DavProtocolException when the body is no multistatus (HTML, cut off, another document) */
    public static Multistatus parse(String body, URI base) {
        XmlNode root;
        try {
            root = XmlTree.parse(body);
        } catch (XMLStreamException e) {
            // The parser's message may quote the body: only say where it broke.
            throw new DavProtocolException("unreadable multistatus (" + where(e) + ")");
        }
        if (!root.name().equals(DavNames.MULTISTATUS)) {
            throw new DavProtocolException("expected a multistatus, got <" + root.name().getLocalPart() + ">");
        }
        List<Entry> entries = new ArrayList<>();
        for (XmlNode response : root.all(DavNames.RESPONSE)) {
            entries.add(entry(response, base));
        }
        return new Multistatus(entries, root.childText(DavNames.SYNC_TOKEN).orElse(null));
    }

    private static Entry entry(XmlNode response, URI base) {
        String href = response.childText(DavNames.HREF)
                .orElseThrow(() -> new DavProtocolException("response without href"));
        int status = response.childText(DavNames.STATUS).map(Multistatus::statusCode).orElse(0);
        Map<QName, XmlNode> found = new HashMap<>();
        for (XmlNode propstat : response.all(DavNames.PROPSTAT)) {
            int propStatus = propstat.childText(DavNames.STATUS).map(Multistatus::statusCode).orElse(0);
            if (propStatus / 100 != 2) {
                continue;
            }
            propstat.child(DavNames.PROP).ifPresent(prop -> prop.children().forEach(p -> found.put(p.name(), p)));
        }
        return new Entry(Hrefs.resolve(base, href), status, found, response.child(DavNames.ERROR).orElse(null));
    }

    /** "HTTP/1.1 404 Not Found" → 404. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new DavProtocolException("unreadable status line");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new DavProtocolException("unreadable status line");
        }
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "at the end" : "line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
    }
}
