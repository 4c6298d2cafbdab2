package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One Graph request: a method, a URL relative to the service root ("me/calendars") or one of Graph's own absolute
 * links (nextLink, deltaLink), an optional JSON body and extra headers.
 */
record GraphRequest(String method, String url, JsonNode body, Map<String, String> headers) {

    GraphRequest {
        headers = Map.copyOf(headers);
    }

    static GraphRequest get(String url) {
        return new GraphRequest("GET", url, null, Map.of());
    }

    static GraphRequest post(String url, JsonNode body) {
        return new GraphRequest("POST", url, body, Map.of());
    }

    static GraphRequest patch(String url, JsonNode body) {
        return new GraphRequest("PATCH", url, body, Map.of());
    }

    static GraphRequest delete(String url) {
        return new GraphRequest("DELETE", url, null, Map.of());
    }

    /** Asks for pages of up to {@code size} items (Graph's way for delta, which refuses $top). */
    GraphRequest pagesOf(int size) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put("Prefer", "odata.maxpagesize=" + size);
        return new GraphRequest(method, url, body, more);
    }

    /** {@code path?name=value&…} with every value percent-encoded (spaces as %20, which OData expects). */
    static String path(String path, String... namesAndValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i] + "=" + encode(namesAndValues[i + 1]));
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** One path segment or query value, percent-encoded; Graph ids contain '/', '+' and '='. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
