package dev.calsync.caldav.dav;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * A server's answer.
 *
 * @param uri the URI that answered, after redirects: hrefs in the body resolve against it
 */
public record DavResponse(URI uri, int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    public Optional<String> etag() {
        return header("ETag");
    }

    public boolean successful() {
        return status / 100 == 2;
    }

    /** Parses a 207 body; an HTML page or another content type in its place is no multistatus. */
    public Multistatus multistatus() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            throw new DavProtocolException("HTML where a multistatus was expected (HTTP " + status + ")");
        }
        return Multistatus.parse(body == null ? "" : body, uri);
    }

    /** A WebDAV error body's precondition (RFC 4918 §16), e.g. valid-sync-token; false when there is none. */
    public boolean hasError(javax.xml.namespace.QName condition) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            XmlNode root = XmlTree.parse(body);
            return root.name().equals(DavNames.ERROR) && root.has(condition);
        } catch (javax.xml.stream.XMLStreamException notXml) {
            return false;
        }
    }
}
