package dev.calsync.emulator.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as Graph answers it: HTTP status and {@code {"error":{"code","message"}}}, plus the headers
 * some errors carry (Retry-After on throttling, Location on a delta reset). Thrown by the in-process user edits
 * too, so tests see the same failures as API clients.
 */
public class GraphError extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphError(int status, String code, String message) { this(status, code, message, Map.of()); }

    public GraphError(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() { return status; }

    public String code() { return code; }

    public Map<String, String> headers() { return headers; }

    public GraphError withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new GraphError(status, code, getMessage(), h);
    }

    public static GraphError badRequest(String code, String message) { return new GraphError(400, code, message); }

    public static GraphError itemNotFound() {
        return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    public static GraphError malformedId() { return badRequest("ErrorInvalidIdMalformed", "Id is malformed."); }

    public static GraphError unauthenticated(String message) { return new GraphError(401, "InvalidAuthenticationToken", message); }

    public static GraphError segmentNotFound(String segment) {
        return badRequest("BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    public static GraphError syncStateNotFound() {
        return new GraphError(410, "syncStateNotFound",
                "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
    }

    public static GraphError invalidTimeZone(String zone) {
        return badRequest("TimeZoneNotSupportedException",
                "A valid TimeZone value must be specified. The following TimeZone value is not supported: '" + (zone == null ? "" : zone) + "'.");
    }

    public static GraphError invalidProperty(String message) { return badRequest("ErrorInvalidProperty", message); }
}
