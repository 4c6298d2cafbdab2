package dev.calsync.emulator.graph.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request below {@code .../v1.0/}: path segments (decoded), query parameters (names in lower case: Graph takes
 * {@code startdatetime} as well as {@code startDateTime}), headers (lower case, repeated ones joined with commas) and
 * the service root URL the client used, for building links.
 */
public record GraphRequest(String method, List<String> segments, String rawPath, String rawQuery,
                           Map<String, String> query, Map<String, String> headers, byte[] body, String serviceRoot) {

    public static GraphRequest of(String method, String rawServicePath, String rawQuery, Map<String, String> headers,
                                  byte[] body, String serviceRoot) {
        List<String> segments = new ArrayList<>();
        for (String s : rawServicePath.split("/")) {
            if (!s.isEmpty()) segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return new GraphRequest(method.toUpperCase(Locale.ROOT), segments, rawServicePath, rawQuery, parseQuery(rawQuery), headers, body, serviceRoot);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return q;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    public String param(String name) { return query.get(name.toLowerCase(Locale.ROOT)); }

    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    /** This request's URL with one query parameter replaced (or added), for {@code @odata.nextLink}. */
    public String linkWith(String name, String value) {
        StringBuilder sb = new StringBuilder(serviceRoot).append(rawPath).append('?');
        boolean first = true;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                String k = URLDecoder.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair, StandardCharsets.UTF_8);
                if (k.equalsIgnoreCase(name)) continue;
                if (!first) sb.append('&');
                sb.append(pair);
                first = false;
            }
        }
        if (!first) sb.append('&');
        return sb.append(name).append('=').append(value).toString();
    }

    /** The link Graph puts in {@code @odata.nextLink}/{@code @odata.deltaLink} of a delta round: path plus the token. */
    public String tokenLink(String name, String token) { return serviceRoot + rawPath + "?" + name + "=" + token; }
}
