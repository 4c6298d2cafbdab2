package dev.calsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.calsync.emulator.CallCounters;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The single HTTP entry point: {@code /calendar/v3/...} (the API), {@code /batch/calendar/v3} (batch) and
 * {@code /emulator/...} (control). Accepts gzip request bodies, which the Google Java client sends by default.
 *
 * <p>Requests reach it from the JDK server ({@link #handle(HttpExchange)}) or in memory ({@link #dispatch}, for
 * an in-process client transport); both take the same path, so calls are counted and faults injected the same way.
 */
public final class HttpFrontEnd implements HttpHandler {
    private static final String SERVICE_PATH = "/calendar/v3/";

    private final CalendarApi api;
    private final BatchHandler batch;
    private final ControlApi control;
    private final Faults faults;
    private final CallCounters counters;

    public HttpFrontEnd(CalendarApi api, ControlApi control, Faults faults, CallCounters counters) {
        this.api = api;
        this.batch = new BatchHandler(api);
        this.control = control;
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = headers(exchange);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            send(exchange, dispatch(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
        }
    }

    /**
     * Answers one HTTP request: {@code headers} keyed in lower case, {@code body} as sent (gzip is inflated here).
     * An answer with {@link ApiResponse#dropConnection()} is to be answered by closing the connection.
     */
    public ApiResponse dispatch(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                byte[] body) throws IOException {
        try {
            byte[] content = inflate(headers, body);
            if (rawPath.startsWith("/emulator/")) {
                return control.handle(method, rawPath.substring("/emulator/".length()), content);
            }
            long latency = faults.latencyMillis();
            if (latency > 0) Thread.sleep(latency);
            if (rawPath.equals("/batch/calendar/v3") || rawPath.equals("/batch")) {
                if (!method.equals("POST")) {
                    return ApiResponse.error(EmulatorApiException.notFound());
                }
                try {
                    BatchHandler.BatchResponse r = batch.handle(headers.get("content-type"), headers, content);
                    return new ApiResponse(200, r.contentType(), r.body(), false);
                } catch (EmulatorApiException e) {
                    return ApiResponse.error(e);
                }
            }
            if (!rawPath.startsWith(SERVICE_PATH)) {
                return ApiResponse.error(EmulatorApiException.notFound());
            }
            ApiRequest request = ApiRequest.of(method, rawPath.substring(SERVICE_PATH.length()), rawQuery, headers,
                    content);
            return api.handle(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResponse.drop();
        } catch (RuntimeException e) {
            // A bug in the emulator must look like a Google backend error to the client, not hang it.
            return ApiResponse.error(new EmulatorApiException(500, "global", "backendError", "Backend Error: " + e));
        }
    }

    private byte[] inflate(Map<String, String> headers, byte[] body) throws IOException {
        String encoding = headers.get("content-encoding");
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        if (!gzip) return body;
        counters.recordGzipRequest();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> h = new HashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
        }
        return h;
    }

    private static void send(HttpExchange exchange, ApiResponse r) throws IOException {
        if (r.dropConnection()) {
            // Closing before sending headers makes the JDK server close the socket: the client gets no answer.
            return;
        }
        if (r.contentType() != null) exchange.getResponseHeaders().set("Content-Type", r.contentType());
        if (r.status() == 204 || r.body().length == 0) {
            exchange.sendResponseHeaders(r.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(r.status(), r.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(r.body());
        }
    }
}
