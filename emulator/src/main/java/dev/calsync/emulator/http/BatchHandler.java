package dev.calsync.emulator.http;

import dev.calsync.emulator.EmulatorApiException;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST batch/calendar/v3}: a multipart/mixed body of {@code application/http} parts, each one API request
 * (request line with a full URL or a path, headers, body). Answers multipart/mixed with one
 * {@code Content-ID: response-<id>} part per request, in request order, which is how the Google client's
 * BatchUnparsedResponse matches them. Each part is metered as a call of its own.
 */
final class BatchHandler {
    static final int MAX_PARTS = 50;
    private static final String SERVICE_PATH = "/calendar/v3/";

    private final CalendarApi api;

    BatchHandler(CalendarApi api) { this.api = api; }

    record BatchResponse(String contentType, byte[] body) {}

    BatchResponse handle(String contentType, Map<String, String> outerHeaders, byte[] body) {
        String boundary = boundary(contentType);
        if (boundary == null) throw EmulatorApiException.invalid("Missing multipart boundary.");
        List<String> parts = split(new String(body, StandardCharsets.ISO_8859_1), boundary);
        if (parts.isEmpty()) throw EmulatorApiException.invalid("Empty batch request.");
        if (parts.size() > MAX_PARTS) throw EmulatorApiException.invalid("Exceeded maximum number of requests in a batch: " + MAX_PARTS + ".");
        String responseBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            Part p = parsePart(part, outerHeaders);
            ApiResponse r = p.request == null ? ApiResponse.error(EmulatorApiException.notFound()) : api.handle(p.request);
            if (r.dropConnection()) r = ApiResponse.error(new EmulatorApiException(503, "global", "backendError", "The service is currently unavailable."));
            write(out, "--" + responseBoundary + "\r\n");
            write(out, "Content-Type: application/http\r\n");
            write(out, "Content-ID: " + responseId(p.contentId) + "\r\n\r\n");
            write(out, "HTTP/1.1 " + r.status() + " " + ApiResponse.reasonPhrase(r.status()) + "\r\n");
            if (r.contentType() != null) write(out, "Content-Type: " + r.contentType() + "\r\n");
            write(out, "Content-Length: " + r.body().length + "\r\n\r\n");
            out.writeBytes(r.body());
            write(out, "\r\n");
        }
        write(out, "--" + responseBoundary + "--\r\n");
        return new BatchResponse("multipart/mixed; boundary=" + responseBoundary, out.toByteArray());
    }

    private record Part(String contentId, ApiRequest request) {}

    private static Part parsePart(String part, Map<String, String> outerHeaders) {
        int[] pos = {0};
        Map<String, String> partHeaders = headers(part, pos);
        String requestLine = line(part, pos);
        while (requestLine != null && requestLine.isEmpty()) requestLine = line(part, pos);
        Map<String, String> headers = headers(part, pos);
        String contentId = partHeaders.getOrDefault("content-id", "");
        if (requestLine == null) return new Part(contentId, null);
        String[] rl = requestLine.split(" ");
        if (rl.length < 2) return new Part(contentId, null);
        byte[] body = body(part.substring(Math.min(pos[0], part.length())), headers.get("content-length"));
        // Parts carry their own Authorization header (the Java client copies it); fall back to the outer one.
        if (!headers.containsKey("authorization") && outerHeaders.containsKey("authorization")) {
            headers.put("authorization", outerHeaders.get("authorization"));
        }
        URI uri = URI.create(rl[1]);
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(SERVICE_PATH)) return new Part(contentId, null);
        return new Part(contentId, ApiRequest.of(rl[0], path.substring(SERVICE_PATH.length()), uri.getRawQuery(), headers, body));
    }

    private static byte[] body(String rest, String contentLength) {
        byte[] bytes = rest.getBytes(StandardCharsets.ISO_8859_1);
        if (contentLength != null) {
            try {
                int n = Integer.parseInt(contentLength.trim());
                if (n <= bytes.length) return java.util.Arrays.copyOf(bytes, n);
            } catch (NumberFormatException ignored) {
                // fall through to the delimiter-based end
            }
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) end--;
        return java.util.Arrays.copyOf(bytes, end);
    }

    private static Map<String, String> headers(String s, int[] pos) {
        Map<String, String> h = new LinkedHashMap<>();
        String line;
        while ((line = line(s, pos)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return h;
    }

    private static String line(String s, int[] pos) {
        if (pos[0] >= s.length()) return null;
        int nl = s.indexOf('\n', pos[0]);
        String line = nl < 0 ? s.substring(pos[0]) : s.substring(pos[0], nl);
        pos[0] = nl < 0 ? s.length() : nl + 1;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The parts between "--boundary" delimiter lines, up to the closing "--boundary--". */
    private static List<String> split(String body, String boundary) {
        List<String> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        int start = body.indexOf(delimiter);
        while (start >= 0) {
            int afterDelimiter = start + delimiter.length();
            if (body.startsWith("--", afterDelimiter)) break;
            int contentStart = body.indexOf('\n', afterDelimiter);
            if (contentStart < 0) break;
            int next = body.indexOf("\r\n" + delimiter, contentStart);
            int nextPlain = body.indexOf("\n" + delimiter, contentStart);
            if (next < 0 || (nextPlain >= 0 && nextPlain < next)) next = nextPlain;
            if (next < 0) break;
            parts.add(body.substring(contentStart + 1, next));
            start = body.indexOf(delimiter, next);
        }
        return parts;
    }

    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) return null;
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9);
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    private static String responseId(String contentId) {
        if (contentId.startsWith("<") && contentId.endsWith(">")) return "<response-" + contentId.substring(1, contentId.length() - 1) + ">";
        return "response-" + contentId;
    }

    private static void write(ByteArrayOutputStream out, String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }
}
