package dev.calsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.calsync.emulator.CallCounters;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Faults;

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
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = headers(exchange);
            byte[] body = readBody(exchange, headers);
            if (path.startsWith("/emulator/")) {
                send(exchange, control.handle(exchange.getRequestMethod(), path.substring("/emulator/".length()), body));
                return;
            }
            long latency = faults.latencyMillis();
            if (latency > 0) Thread.sleep(latency);
            if (path.equals("/batch/calendar/v3") || path.equals("/batch")) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    send(exchange, ApiResponse.error(EmulatorApiException.notFound()));
                    return;
                }
                try {
                    BatchHandler.BatchResponse r = batch.handle(headers.get("content-type"), headers, body);
                    exchange.getResponseHeaders().set("Content-Type", r.contentType());
                    exchange.sendResponseHeaders(200, r.body().length);
                    exchange.getResponseBody().write(r.body());
                } catch (EmulatorApiException e) {
                    send(exchange, ApiResponse.error(e));
                }
                return;
            }
            if (!path.startsWith(SERVICE_PATH)) {
                send(exchange, ApiResponse.error(EmulatorApiException.notFound()));
                return;
            }
            ApiRequest request = ApiRequest.of(exchange.getRequestMethod(), path.substring(SERVICE_PATH.length()),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            send(exchange, api.handle(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug in the emulator must look like a Google backend error to the client, not hang it.
            send(exchange, ApiResponse.error(new EmulatorApiException(500, "global", "backendError", "Backend Error: " + e)));
        }
    }

    private byte[] readBody(HttpExchange exchange, Map<String, String> headers) throws IOException {
        String encoding = headers.get("content-encoding");
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        if (gzip) counters.recordGzipRequest();
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
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
