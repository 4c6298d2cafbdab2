package dev.calsync.caldav.dav;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The XML request bodies we send, written with StAX so tokens and hrefs are always escaped. */
public final class DavBodies {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final QName PROPFIND = new QName(DavNames.DAV, "propfind");
    private static final QName SYNC_COLLECTION = new QName(DavNames.DAV, "sync-collection");
    private static final QName SYNC_LEVEL = new QName(DavNames.DAV, "sync-level");
    private static final QName CALENDAR_QUERY = new QName(DavNames.CALDAV, "calendar-query");
    private static final QName CALENDAR_MULTIGET = new QName(DavNames.CALDAV, "calendar-multiget");
    private static final QName FILTER = new QName(DavNames.CALDAV, "filter");
    private static final QName COMP_FILTER = new QName(DavNames.CALDAV, "comp-filter");
    private static final QName TIME_RANGE = new QName(DavNames.CALDAV, "time-range");
    private static final QName MKCALENDAR = new QName(DavNames.CALDAV, "mkcalendar");
    private static final QName SET = new QName(DavNames.DAV, "set");

    private DavBodies() {
    }

    public static String propfind(List<QName> properties) {
        return write(w -> {
            w.start(PROPFIND);
            w.start(DavNames.PROP);
            properties.forEach(w::empty);
            w.end();
            w.end();
        });
    }

    /** RFC 6578 §3.2; an empty token asks for the initial state. */
    public static String syncCollection(String syncToken, List<QName> properties) {
        return write(w -> {
            w.start(SYNC_COLLECTION);
            w.start(DavNames.SYNC_TOKEN).text(syncToken == null ? "" : syncToken).end();
            w.start(SYNC_LEVEL).text("1").end();
            w.start(DavNames.PROP);
            properties.forEach(w::empty);
            w.end();
            w.end();
        });
    }

    /**
     * RFC 4791 §7.8: every VEVENT overlapping [from, ∞). iCloud refuses a query without the VEVENT comp-filter,
     * so it is always there.
     */
    public static String calendarQuery(Instant from, List<QName> properties) {
        return write(w -> {
            w.start(CALENDAR_QUERY);
            w.start(DavNames.PROP);
            properties.forEach(w::empty);
            w.end();
            w.start(FILTER);
            w.start(COMP_FILTER).attribute("name", "VCALENDAR");
            w.start(COMP_FILTER).attribute("name", "VEVENT");
            if (from != null) {
                w.start(TIME_RANGE).attribute("start", UTC.format(from)).end();
            }
            w.end();
            w.end();
            w.end();
            w.end();
        });
    }

    /** RFC 4791 §7.9: these members, with the given properties. */
    public static String calendarMultiget(Collection<URI> hrefs, List<QName> properties) {
        return write(w -> {
            w.start(CALENDAR_MULTIGET);
            w.start(DavNames.PROP);
            properties.forEach(w::empty);
            w.end();
            for (URI href : hrefs) {
                w.start(DavNames.HREF).text(href.getRawPath()).end();
            }
            w.end();
        });
    }

    /** RFC 4791 §5.3.1, with a display name and VEVENT as the only component. */
    public static String mkcalendar(String displayName) {
        return write(w -> {
            w.start(MKCALENDAR);
            w.start(SET);
            w.start(DavNames.PROP);
            w.start(DavNames.DISPLAYNAME).text(displayName).end();
            w.start(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET);
            w.start(DavNames.COMP).attribute("name", "VEVENT").end();
            w.end();
            w.end();
            w.end();
            w.end();
        });
    }

    @FunctionalInterface
    private interface Content {
        void write(Writer writer) throws XMLStreamException;
    }

    private static String write(Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml;
            synchronized (FACTORY) {
                xml = FACTORY.createXMLStreamWriter(out);
            }
            xml.writeStartDocument("UTF-8", "1.0");
            content.write(new Writer(xml));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        return out.toString();
    }

    /** Declares the three namespaces once, on the document element, with short prefixes. */
    private static final class Writer {
        private final XMLStreamWriter xml;
        private boolean rootWritten;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        Writer start(QName name) throws XMLStreamException {
            xml.writeStartElement(prefix(name), name.getLocalPart(), name.getNamespaceURI());
            declareOnce();
            return this;
        }

        void empty(QName name) {
            try {
                xml.writeEmptyElement(prefix(name), name.getLocalPart(), name.getNamespaceURI());
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        Writer attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, value);
            return this;
        }

        Writer text(String text) throws XMLStreamException {
            xml.writeCharacters(text);
            return this;
        }

        Writer end() throws XMLStreamException {
            xml.writeEndElement();
            return this;
        }

        private void declareOnce() throws XMLStreamException {
            if (!rootWritten) {
                xml.writeNamespace("d", DavNames.DAV);
                xml.writeNamespace("c", DavNames.CALDAV);
                xml.writeNamespace("cs", DavNames.CALENDARSERVER);
                rootWritten = true;
            }
        }

        private static String prefix(QName name) {
            return switch (name.getNamespaceURI()) {
                case DavNames.DAV -> "d";
                case DavNames.CALDAV -> "c";
                default -> "cs";
            };
        }
    }
}
