package dev.calsync.caldav.dav;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML body into {@link XmlNode}s with the JDK's StAX parser. DTDs and external entities are off: a
 * server's answer must never make us fetch a URL or expand an entity bomb. A body cut off in the middle is
 * an error, never a shorter tree.
 */
public final class XmlTree {
    private static final XMLInputFactory FACTORY = factory();

    private XmlTree() {
    }

    /** @throws XMLStreamException when the text is not one well-formed XML document */
    public static XmlNode parse(String xml) throws XMLStreamException {
        XMLStreamReader reader;
        synchronized (FACTORY) {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
        }
        try {
            return read(reader);
        } finally {
            reader.close();
        }
    }

    private static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        XmlNode root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root != null) {
                        throw new XMLStreamException("content after the document element");
                    }
                    Map<String, String> attributes = new HashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    open.push(new Building(reader.getName(), attributes));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments, processing instructions: nothing a WebDAV answer means by them
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no document element, or the document ends early");
        }
        return root;
    }

    private static final class Building {
        final QName name;
        final Map<String, String> attributes;
        final List<XmlNode> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Building(QName name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        XmlNode build() {
            return new XmlNode(name, attributes, children, text.toString());
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
