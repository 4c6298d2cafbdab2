package dev.calsync.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API request, from a plain HTTP exchange or from a batch part. {@code path} is relative to the service
 * root ("calendars/x/events"), headers are keyed in lower case.
 */
public record ApiRequest(String method, List<String> segments, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {

    public static ApiRequest of(String method, String rawServicePath, String rawQuery, Map<String, String> headers, byte[] body) {
        List<String> segments = new ArrayList<>();
        for (String s : rawServicePath.split("/")) {
            if (!s.isEmpty()) segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        String override = headers.get("x-http-method-override");
        String effective = override != null ? override.toUpperCase(Locale.ROOT) : method.toUpperCase(Locale.ROOT);
        return new ApiRequest(effective, segments, parseQuery(rawQuery), headers, body);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return q;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> params(String name) { return query.getOrDefault(name, List.of()); }

    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
}
