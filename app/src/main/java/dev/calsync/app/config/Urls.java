package dev.calsync.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of the URLs a config holds. */
final class Urls {

    private Urls() {
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The Google client and the Graph adapter append paths to their root URL, so the root must end in '/'. */
    static String withTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
