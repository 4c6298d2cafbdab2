package dev.calsync.caldav.dav;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Hrefs as servers write them: absolute or a path, percent-encoded or (Radicale, sometimes) not. */
public final class Hrefs {
    private Hrefs() {
    }

    public static URI resolve(URI base, String href) {
        try {
            return base.resolve(URI.create(href.strip())).normalize();
        } catch (IllegalArgumentException notEncoded) {
            // Some servers send spaces or other characters raw; encode them the way a URI wants them.
            try {
                URI raw = new URI(null, null, href.strip(), null);
                return base.resolve(raw).normalize();
            } catch (java.net.URISyntaxException e) {
                throw new DavProtocolException("unreadable href");
            }
        }
    }

    /** Same resource? Compares scheme-less paths, ignoring a trailing slash and percent-encoding differences. */
    public static boolean samePath(URI a, URI b) {
        return trimmed(a).equals(trimmed(b));
    }

    /** The last path segment, decoded: the member's name inside its collection. */
    public static String name(URI href) {
        String path = href.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A collection's member of the given name. */
    public static URI member(URI collection, String name) {
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        String base = collection.toString().endsWith("/") ? collection.toString() : collection + "/";
        return URI.create(base + encoded);
    }

    /** A collection URI always ends in a slash, so members resolve inside it. */
    public static URI asCollection(URI uri) {
        return uri.getRawPath().endsWith("/") ? uri : URI.create(uri + "/");
    }

    private static String trimmed(URI uri) {
        String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
