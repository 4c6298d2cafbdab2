package dev.calsync.core.push;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request posted to a provider's webhook, as received: some providers say everything in headers (and send no
 * body), others in the body or a query parameter.
 *
 * @param headers    by name, any case (kept lower case)
 * @param parameters the query parameters
 * @param body       the body as text, empty when there is none
 */
public record Notification(Map<String, String> headers, Map<String, String> parameters, String body) {

    public Notification {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        headers = Map.copyOf(lower);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        body = body == null ? "" : body;
    }

    /** A notification that says everything in headers. */
    public static Notification ofHeaders(Map<String, String> headers) {
        return new Notification(headers, Map.of(), "");
    }

    /** @return the header's value, or null when it is missing */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
