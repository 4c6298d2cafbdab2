package dev.calsync.caldav.dav;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One element of a parsed WebDAV answer: name, attributes, children and its own text. Multistatus bodies
 * are small enough to hold as a tree, and a tree lets each property be read by what it is.
 */
public record XmlNode(QName name, Map<String, String> attributes, List<XmlNode> children, String text) {

    public XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public Optional<XmlNode> child(QName childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public List<XmlNode> all(QName childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    public boolean has(QName childName) {
        return child(childName).isPresent();
    }

    /** The text of a child element, trimmed; empty when the child is absent or empty. */
    public Optional<String> childText(QName childName) {
        return child(childName).map(XmlNode::text).map(String::strip).filter(t -> !t.isEmpty());
    }

    public String attribute(String localName) {
        return attributes.get(localName);
    }
}
